/**
 * @module Makes module schemas work on SQLite: `core_banking.accounts` becomes the table
 * `core_banking_accounts`, and row-lock clauses (`FOR UPDATE`) are dropped, since the one SQLite
 * connection already runs a transaction at a time. Domain code stays the same on both backends.
 */
import {
  IdentifierNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SchemableIdentifierNode,
  type SelectQueryNode,
  type UnknownRow,
} from 'kysely';

const LOCKS = new Set(['ForUpdate', 'ForNoKeyUpdate', 'ForShare', 'ForKeyShare', 'NoWait', 'SkipLocked']);

class SchemaPrefixTransformer extends OperationNodeTransformer {
  protected override transformSchemableIdentifier(
    node: SchemableIdentifierNode,
    queryId: Parameters<OperationNodeTransformer['transformNode']>[1],
  ): SchemableIdentifierNode {
    const transformed = super.transformSchemableIdentifier(node, queryId);
    if (!transformed.schema) return transformed;
    // Kysely applies plugins to a subquery when it is embedded and again with the outer query:
    // a name that already carries its prefix must not get it twice.
    const prefix = `${transformed.schema.name}_`;
    const name = transformed.identifier.name;
    return {
      kind: 'SchemableIdentifierNode',
      identifier: IdentifierNode.create(name.startsWith(prefix) ? name : `${prefix}${name}`),
    };
  }

  protected override transformSelectQuery(
    node: SelectQueryNode,
    queryId: Parameters<OperationNodeTransformer['transformNode']>[1],
  ): SelectQueryNode {
    const transformed = super.transformSelectQuery(node, queryId);
    if (!transformed.endModifiers) return transformed;
    const endModifiers = transformed.endModifiers.filter((m) => !m.modifier || !LOCKS.has(m.modifier));
    return { ...transformed, endModifiers: endModifiers.length > 0 ? endModifiers : undefined };
  }
}

export class SchemaPrefixPlugin implements KyselyPlugin {
  readonly #transformer = new SchemaPrefixTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
