// Checks the build log and the files the goals wrote.
def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }

expect('baselined 3 migration(s), up to 20261122_031943_add_idx_events_archived_by')
expect('20261122_023322_create_catering_schema  baseline')
expect('wrote 6 golang-migrate file(s) to ')
expect('drift: it_env differs from the snapshot in ')
expect('BUILD FAILURE')
expect('runs Down sections that lose data (20261122_023322_create_catering_schema: drops table ')
expect('; confirm with -Dsleet.yes=true')

def go = new File(basedir, 'target/go')
assert new File(go, '20261122023322_create_catering_schema.up.sql').isFile()
assert new File(go, '20261122031943_add_idx_events_archived_by.down.sql').text.contains('DROP INDEX "public"."idx_events_archived_by";')
return true
