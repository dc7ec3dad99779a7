/**
 * @module The portal's only script, served from `/portal/assets/portal.js`: progressive enhancement
 * that adds a "Copy" button to every `[data-copy]` block. Every page works without it.
 */
export const PORTAL_JS = `(() => {
  for (const block of document.querySelectorAll('[data-copy]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary small copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy ' + (block.getAttribute('data-copy') || 'to the clipboard'));
    button.addEventListener('click', async () => {
      const text = (block.querySelector('code') || block).textContent || '';
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch {
        const range = document.createRange();
        range.selectNodeContents(block);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        button.textContent = 'Press Ctrl+C';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    });
    block.classList.add('copyable');
    block.append(button);
  }
})();
`;
