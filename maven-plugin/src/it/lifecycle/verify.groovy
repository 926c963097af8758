// Checks the build log and the files the goals wrote.
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }

expect('3 migration(s) linted: 0 error(s)')
expect('3 migration(s) would be applied:')
expect('-- 20261122_023322_create_catering_schema.sql: ')
expect('CREATE TABLE "public"."events"')
expect('applied 3 migration(s) in ')
expect('20261122_031943_add_idx_events_archived_by  applied')
expect('3 applied')
expect('no drift: it_lifecycle matches the snapshot')
expect('rolled back 20261122_031943_add_idx_events_archived_by')
expect('1 migration(s) would be applied:')
expect('applied 1 migration(s) in ')
expect('nothing to repair: the history matches the files')
expect('wrote 3 flyway file(s) to ')
expect('pulled ')
expect(' from it_lifecycle into ')
def pulled = new File(basedir, 'target/pulled/com/acme/db')
assert pulled.isDirectory() && pulled.listFiles().any { it.name.endsWith('.java') } : 'no records pulled into ' + pulled
assert new File(basedir, 'target/pulled/com/acme/db/billing').isDirectory() : 'schema billing gets a sub-package'
assert log.indexOf('3 migration(s) would be applied:') < log.indexOf('applied 3 migration(s) in ')

def plan = new File(basedir, 'target/plan.sql').text
assert plan.contains('CREATE INDEX "idx_events_archived_by"') : plan
assert !plan.contains('CREATE TABLE') : 'the second plan holds only the rolled-back migration: ' + plan
assert new File(basedir, 'target/flyway/V20261122023322__create_catering_schema.sql').isFile()
assert new File(basedir, 'target/flyway-undo/U20261122031943__add_idx_events_archived_by.sql').isFile()
return true
