package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.OwnershipHeader;
import dev.sleet.schema.model.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before anything runs, what each pending migration with {@code -- sleet:adopts} lines does
 * here: {@link Decision#CREATE} where none of its tables exists (its Up section runs as written),
 * {@link Decision#ADOPT} where all exist exactly as its {@code -- sleet:expects} line says (no
 * statement runs, the rows stay). Anything else (some tables there and some not, a definition that
 * differs) refuses the whole run, listing the differences.
 */
final class Adoptions {
    enum Decision { CREATE, ADOPT }

    private Adoptions() {
    }

    static Map<String, Decision> decide(Connection c, List<MigrationPlanner.Pending> pending) throws SQLException {
        Map<String, Decision> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (MigrationPlanner.Pending p : pending) {
            OwnershipHeader header = p.migration().header();
            if (header.adopts().isEmpty() || p.resumeFrom() > 0) {
                continue;
            }
            String file = p.migration().name() + ".sql";
            List<QualifiedName> present = new ArrayList<>();
            List<QualifiedName> absent = new ArrayList<>();
            for (OwnershipHeader.Adoption adoption : header.adopts()) {
                (exists(c, adoption.table()) ? present : absent).add(adoption.table());
            }
            if (present.isEmpty()) {
                out.put(p.migration().name(), Decision.CREATE);
                continue;
            }
            if (!absent.isEmpty()) {
                problems.add(file + " adopts " + present + " and " + absent + " together, but only the first are in this database;"
                        + " create the missing ones with the owner that released them, or restore them, before migrating");
                continue;
            }
            if (header.expects() == null) {
                problems.add(file + " adopts " + present + " but has no '-- sleet:expects' line saying what definition it takes"
                        + " over; write the migration again with sleet promote");
                continue;
            }
            // Reading the expected definition and comparing it needs schema-tools (snapshot JSON, the differ), an optional
            // dependency of the runtime: it is loaded only here, for a migration that adopts something that is present.
            Optional<String> differs = AdoptionDefinitions.differences(c, file, present, header.expects());
            if (differs.isEmpty()) {
                out.put(p.migration().name(), Decision.ADOPT);
            } else {
                problems.add(differs.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new MigrationRefusedException(problems);
        }
        return out;
    }

    /** A table, or an enum type moved along with its tables (a name is one or the other: every table has a row type of its name). */
    private static boolean exists(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL OR to_regtype(?) IS NOT NULL")) {
            ps.setString(1, table.sql());
            ps.setString(2, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
