/**
 * @module The portal's stylesheet, served from `/portal/assets/portal.css` (no external fonts):
 * the bank's colours at WCAG AA contrast, visible focus, and a layout that reflows on small screens.
 */
export const PORTAL_CSS = `
:root{--ink:#14213d;--muted:#4a5568;--brand:#0b6e4f;--brand-dark:#08523b;--bg:#f4f7f5;--line:#cbd5d0;--error:#b00020;--warn-bg:#fff8e1;--ok-bg:#e8f5ee;--code-bg:#f1f4f2}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand-dark)}a:hover{text-decoration-thickness:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}.skip:focus{left:1rem}
header.top{background:var(--brand);color:#fff;padding:.6rem 1.25rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header.top .brand{font-size:1.2rem;font-weight:700;color:#fff;text-decoration:none;letter-spacing:.02em}
header.top nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
header.top nav a{color:#fff}header.top form{margin:0 0 0 auto}
header.top button{margin:0;padding:.3rem .8rem;background:transparent;color:#fff;border-color:#fff}
main{max-width:64rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border:1px solid var(--line);border-radius:.5rem}
main.narrow{max-width:32rem}
h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .5rem}
label{display:block;font-weight:600;margin:.9rem 0 .25rem}.hint{color:var(--muted);font-size:.9rem;margin:.15rem 0 .35rem}
input[type=text],input[type=password],input[type=email],input[type=url],textarea,select{width:100%;padding:.55rem;border:1px solid var(--muted);border-radius:.35rem;font:inherit;background:#fff;color:var(--ink)}
textarea{min-height:5rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
fieldset{border:1px solid var(--line);border-radius:.35rem;margin:1rem 0;padding:.5rem 1rem}
legend{font-weight:600;padding:0 .25rem}
fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:center;margin:.3rem 0}
button,.button{display:inline-block;font:inherit;padding:.55rem 1.1rem;border-radius:.35rem;border:2px solid var(--brand);cursor:pointer;margin:1rem .5rem 0 0;text-decoration:none;line-height:1.4}
button.primary,.button.primary{background:var(--brand);color:#fff}
button.secondary,.button.secondary{background:#fff;color:var(--brand-dark)}
button.danger{background:var(--error);border-color:var(--error);color:#fff}
button.small,.button.small{padding:.25rem .6rem;margin:0;font-size:.9rem}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,summary:focus-visible,pre:focus-visible{outline:3px solid #f0b429;outline-offset:2px}
.error{color:var(--error);font-weight:600}.muted{color:var(--muted)}
.notice{background:var(--ok-bg);border-left:4px solid var(--brand);padding:.6rem 1rem;margin:0 0 1rem}
.warning{background:var(--warn-bg);border-left:4px solid #8a6d00;padding:.6rem 1rem;margin:1rem 0}
.errors{border-left:4px solid var(--error);padding:.4rem 1rem;margin:0 0 1rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1.25rem;margin:0}dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem}
code{background:var(--code-bg);padding:.05rem .3rem;border-radius:.2rem;overflow-wrap:anywhere}
pre{background:var(--code-bg);border:1px solid var(--line);border-radius:.35rem;padding:.75rem;overflow-x:auto;white-space:pre}
pre code{background:none;padding:0}
.copyable{position:relative}.copyable pre{padding-right:5rem}.copyable .copy{position:absolute;top:.4rem;right:.4rem}
.secret{font-size:1rem;padding:.5rem .75rem;display:inline-block;border:2px dashed var(--brand)}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto}
nav.tabs ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:0 0 1.25rem;border-bottom:2px solid var(--line)}
nav.tabs a{display:block;padding:.4rem .9rem;text-decoration:none;border-radius:.35rem .35rem 0 0}
nav.tabs a[aria-current=page]{background:var(--brand);color:#fff}
.breadcrumbs{font-size:.9rem;margin:0 0 .5rem}.breadcrumbs ol{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4rem}
.breadcrumbs li+li::before{content:"/";margin-right:.4rem;color:var(--muted)}
ul.cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
ul.cards li{border:1px solid var(--line);border-radius:.5rem;padding:1rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:0 1.25rem}.chart{margin:.5rem 0 1.25rem}.chart svg{width:100%;height:auto;max-width:100%;display:block}
.chart figcaption{font-weight:600;margin-bottom:.25rem}
.status-ok{color:#0b6e4f;font-weight:600}.status-bad{color:var(--error);font-weight:600}
.actions form{display:inline}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
ol.steps>li{margin-bottom:1.25rem}
@media (max-width:40rem){main{margin:0;border-radius:0;border-left:0;border-right:0;padding:1rem}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.5rem}header.top form{margin-left:0}}
`;
