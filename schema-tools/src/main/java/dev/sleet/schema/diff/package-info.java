/**
 * The differ: compares two {@link dev.sleet.schema.model.DatabaseSchema}s and plans the DDL between them.
 *
 * <h2>One code path</h2>
 * {@link dev.sleet.schema.diff.SchemaDiffer#diff} makes the Up section of a draft (committed state →
 * sources), its Down section (sources → committed state), {@code verify} (live database → snapshot;
 * an empty plan means they agree) and {@code push}. Expressions are therefore compared through
 * {@link dev.sleet.schema.sql.SqlExpressions#equivalent}, because PostgreSQL prints them back
 * differently from how users write them, and source-only hints ({@code renamedFrom}) never count as a
 * difference. Column order is never changed: a new column is appended, a moved one is left in place.
 *
 * <h2>Order of statements</h2>
 * The plan runs in these phases; within a phase, statements keep the order they were planned in
 * (tables, enums and members by name), so the same inputs always give the same script.
 * <ol>
 *   <li><b>CREATE SCHEMA</b> — everything else may live in it. {@code public} is never created or dropped.</li>
 *   <li><b>CREATE EXTENSION IF NOT EXISTS</b> — exclusion constraints and indexes below may need it
 *       ({@code btree_gist}).</li>
 *   <li><b>Renames</b> of tables ({@code SET SCHEMA}, {@code RENAME TO}) and then of columns, so that
 *       every later statement can use the new names and a new object may take a freed old name.</li>
 *   <li><b>Drop foreign keys</b> that are removed or changed, those whose referenced key is about
 *       to be dropped and re-created, and those on a column whose type changes (they are added back in the
 *       foreign-key phase).</li>
 *   <li><b>Drop constraints and indexes</b> that are removed or changed (a changed one is dropped and
 *       added again) — before columns, whose drop they could otherwise block or silently take along.</li>
 *   <li><b>Drop columns</b> (DS103), then <b>drop tables</b> (DS102) with referencing tables before the
 *       tables they reference; where foreign keys form a cycle the backward keys are dropped explicitly.
 *       Dropping early frees index and constraint names, which PostgreSQL keeps per schema.</li>
 *   <li><b>Enums</b>: created; values added in position ({@code ADD VALUE ... BEFORE/AFTER}); a removed
 *       or reordered value rebuilds the type (rename the old type aside, create the new one) — DS106.
 *       Before tables, because tables and columns use them.</li>
 *   <li><b>Create tables</b> with columns, primary key, unique, check and exclusion constraints inline,
 *       but without foreign keys, so tables can be created in any order, cycles included.</li>
 *   <li><b>Add columns</b>, then <b>alter columns</b>: type ({@code USING col::type}; narrowing is DS104),
 *       identity dropped, default dropped, nullability (SET NOT NULL is DS105), identity added or
 *       switched, default set. A type change drops the default first and sets it again after, since
 *       the old default may not cast; an identity is dropped before the type changes, since it must stay on an
 *       integer. Columns of a rebuilt enum are converted here through {@code col::text::new_type}. A type change
 *       PostgreSQL has no cast for ({@link dev.sleet.schema.diff.TypeChanges#castExists}) is not converted: the
 *       column is dropped with the other columns (DS103) and added again with them, its indexes and constraints
 *       re-created. Foreign keys on either side of a converted or replaced column are dropped in the foreign-key
 *       phase and added back at the end.</li>
 *   <li><b>Drop the replaced enum</b> of a rebuild, now that no column uses it.</li>
 *   <li><b>Add constraints and indexes</b> ({@code ALTER TABLE ... ADD CONSTRAINT},
 *       {@code CREATE [UNIQUE] INDEX ... USING method}), after every column they name exists.</li>
 *   <li><b>Add foreign keys</b> last: both tables, their columns and the referenced key exist by now.</li>
 *   <li><b>Drop enums</b> (DS107), no longer used by any column, and finally <b>drop schemas</b> (DS101),
 *       emptied by the drops before. {@code DROP SCHEMA} has no {@code CASCADE}: objects Sleet does not
 *       manage make it fail rather than vanish.</li>
 * </ol>
 *
 * <h2>Extensions are never dropped</h2>
 * An extension belongs to the whole database, not to one migration: another schema, a hand-written
 * migration or a DBA may rely on it, and {@code CREATE EXTENSION IF NOT EXISTS} cannot tell whether
 * this project installed it. Dropping it in a Down section or because the sources stopped needing it
 * would fail on dependants or, with CASCADE, destroy them. Remove an extension by hand if you mean it.
 *
 * <h2>Renames</h2>
 * Only through hints ({@code Table.renamedFrom}, {@code Column.renamedFrom}), never guessed. A hint is
 * used when the new state lacks the old name and the old state lacks the new one. Hints are read in
 * both directions: when the <em>old</em> state holds an object whose {@code renamedFrom} names an object
 * of the new state, that is the rename back — so the Down section of a rename is the reverse rename,
 * not a drop and a create. Constraints, indexes and foreign keys are compared after translating old
 * column and table names through the renames, so a rename does not re-create them.
 *
 * <h2>Known limits</h2>
 * A constraint or index whose expression compares a rebuilt enum's column with a literal of the old
 * type must be changed in the same step by hand; adding a NOT NULL column without a default to a table
 * with rows fails at run time (not flagged, since the plan cannot see the data).
 */
package dev.sleet.schema.diff;
