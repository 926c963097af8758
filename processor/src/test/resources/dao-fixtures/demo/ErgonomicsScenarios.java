package demo;

import static demo.WorkflowTable.WORKFLOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.Database;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The DAO ergonomics: the New… insert shape, set-based writes, partial selects, void transactions, @UpdatedAt. */
public final class ErgonomicsScenarios {
    private ErgonomicsScenarios() {
    }

    record IdAndName(long id, String name) {
    }

    public static void typedJson(Database db) throws Exception {
        DocumentsDao dao = new DocumentsDao(db);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode body = json.readTree("{\"a\": [1, 2, {\"b\": \"ü\"}], \"n\": null}");
        Documents.Settings settings = new Documents.Settings("dark", 12, List.of("x", "y"));
        Documents full = dao.insert(new DocumentsDao.New(body, settings, settings, "{\"s\": 1}"));
        Documents nulls = dao.insert(new DocumentsDao.New(json.readTree("[]"), null, null, null));
        assertThat(full.body()).isEqualTo(body);
        assertThat(full.settings()).isEqualTo(settings);
        assertThat(full.rawSettings()).isEqualTo(settings);
        assertThat(dao.findById(nulls.id()).orElseThrow().settings()).isNull();
        // conditions bind JSON values through the same codec and cast
        assertThat(dao.select().where(DocumentsTable.DOCUMENTS.SETTINGS.eq(settings)).list(DocumentsTable.DOCUMENTS.ID))
                .containsExactly(full.id());
        // set-based update, COPY and the stored text agree
        dao.update().set(DocumentsTable.DOCUMENTS.SETTINGS, new Documents.Settings("light", 1, List.of()))
                .where(DocumentsTable.DOCUMENTS.ID.eq(nulls.id())).execute();
        assertThat(dao.findById(nulls.id()).orElseThrow().settings().theme()).isEqualTo("light");
        assertThat(dao.insertBulk(List.of(new Documents(0, body, settings, null, null)))).isEqualTo(1);
        assertThat(dao.select().where(DocumentsTable.DOCUMENTS.BODY.eq(body)).count()).isEqualTo(2);
    }

    public static void insertShapeAndSetBasedWrites(Database db) throws Exception {
        WorkflowDao dao = new WorkflowDao(db);
        // the insert shape: no identity, no defaulted column, no updated_at
        Workflow a = dao.insert(new WorkflowDao.New("nightly", EventStatus.PLANNING, "{\"steps\": []}"));
        Workflow b = dao.insert(new WorkflowDao.New("hourly", EventStatus.PLANNING, null));
        assertThat(a.id()).isPositive();
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(a.retries()).isEqualTo(0);
        assertThat(a.createdAt()).isNotNull();
        assertThat(a.updatedAt()).isNotNull();
        assertThat(a.definition()).isEqualTo("{\"steps\": []}");
        assertThat(b.definition()).isNull();
        // a defaulted column given through its wither, and taken back
        Workflow withRetries = dao.insert(new WorkflowDao.New("weekly", EventStatus.PLANNING, null).withRetries(5));
        assertThat(withRetries.retries()).isEqualTo(5);
        assertThat(dao.delete().where(WORKFLOWS.ID.eq(withRetries.id())).execute()).isEqualTo(1);

        // set-based update: the count, then RETURNING; updated_at moves with every DAO update
        Thread.sleep(5);
        assertThat(dao.update().set(WORKFLOWS.STATUS, EventStatus.IN_PROGRESS).set(WORKFLOWS.DEFINITION, "{\"v\": 2}")
                .where(WORKFLOWS.ID.eq(a.id())).execute()).isEqualTo(1);
        Workflow afterSet = dao.findById(a.id()).orElseThrow();
        assertThat(afterSet.status()).isEqualTo(EventStatus.IN_PROGRESS);
        assertThat(afterSet.definition()).isEqualTo("{\"v\": 2}");
        assertThat(afterSet.updatedAt()).isAfter(a.updatedAt());
        assertThat(afterSet.createdAt()).isEqualTo(a.createdAt());
        List<Workflow> returned = dao.update().set(WORKFLOWS.RETRIES, null).set(WORKFLOWS.DEFINITION, null)
                .where(WORKFLOWS.STATUS.eq(EventStatus.PLANNING)).returning();
        assertThat(returned).extracting(Workflow::id).containsExactly(b.id());
        assertThat(returned.get(0).retries()).isNull();
        Instant explicit = Instant.parse("2020-01-01T00:00:00Z");
        dao.update().set(WORKFLOWS.UPDATED_AT, explicit).where(WORKFLOWS.ID.eq(b.id())).execute();
        assertThat(dao.findById(b.id()).orElseThrow().updatedAt()).as("set explicitly, kept").isEqualTo(explicit);
        // update(row) ignores the component and writes now()
        Thread.sleep(5);
        assertThat(dao.update(new Workflow(b.id(), "hourly2", EventStatus.COMPLETED, null, 3, b.createdAt(), explicit))).isTrue();
        Workflow rewritten = dao.findById(b.id()).orElseThrow();
        assertThat(rewritten.updatedAt()).isAfter(afterSet.updatedAt());
        assertThat(rewritten.name()).isEqualTo("hourly2");
        // an upsert that hits the existing row keeps updated_at current too
        Thread.sleep(5);
        Workflow upserted = dao.upsert(new Workflow(b.id(), "hourly3", EventStatus.COMPLETED, null, 3, null, explicit));
        assertThat(upserted.updatedAt()).isAfter(rewritten.updatedAt());
        assertThat(upserted.createdAt()).isEqualTo(b.createdAt());

        // no condition is refused unless all() says so
        assertThatThrownBy(() -> dao.update().set(WORKFLOWS.RETRIES, 1).execute())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("all()");
        assertThatThrownBy(() -> dao.delete().execute()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("all()");
        assertThat(dao.update().set(WORKFLOWS.RETRIES, 7).all().execute()).isEqualTo(2);

        // partial selects into typed results
        assertThat(dao.select().orderBy(WORKFLOWS.ID.asc()).list(WORKFLOWS.NAME)).containsExactly("nightly", "hourly3");
        assertThat(dao.select().where(WORKFLOWS.ID.eq(a.id())).list(WORKFLOWS.ID, WORKFLOWS.NAME, IdAndName::new))
                .containsExactly(new IdAndName(a.id(), "nightly"));
        assertThat(dao.select().orderBy(WORKFLOWS.ID.desc())
                .list(WORKFLOWS.NAME, WORKFLOWS.STATUS, WORKFLOWS.RETRIES, (n, s, r) -> n + "/" + s + "/" + r))
                .containsExactly("hourly3/COMPLETED/7", "nightly/IN_PROGRESS/7");

        // transactions for work that returns nothing: committed, or rolled back when it throws
        db.transaction(() -> {
            dao.insert(new WorkflowDao.New("t1", EventStatus.INQUIRY, null));
            dao.insert(new WorkflowDao.New("t2", EventStatus.INQUIRY, null));
        });
        assertThat(dao.select().where(WORKFLOWS.STATUS.eq(EventStatus.INQUIRY)).count()).isEqualTo(2);
        assertThatThrownBy(() -> db.transaction(() -> {
            dao.insert(new WorkflowDao.New("t3", EventStatus.INQUIRY, null));
            throw new SQLException("boom");
        })).hasMessageContaining("boom");
        assertThat(dao.select().where(WORKFLOWS.STATUS.eq(EventStatus.INQUIRY)).count()).isEqualTo(2);

        // set-based delete: the count, then RETURNING
        assertThat(dao.delete().where(WORKFLOWS.NAME.eq("t1")).execute()).isEqualTo(1);
        assertThat(dao.delete().where(WORKFLOWS.STATUS.eq(EventStatus.INQUIRY)).returning()).extracting(Workflow::name)
                .containsExactly("t2");
        assertThat(dao.delete().all().execute()).isEqualTo(2);
        assertThat(dao.count()).isZero();
    }
}
