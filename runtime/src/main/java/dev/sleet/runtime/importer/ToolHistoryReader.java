package dev.sleet.runtime.importer;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads one tool's applied-history table against a converted folder: which of its migrations the
 * tool applied, when and by whom, and every row that does not match the folder (each problem names
 * the row, the file and what to do).
 */
sealed interface ToolHistoryReader permits DrizzleHistoryReader, PrismaHistoryReader, FlywayHistoryReader, GolangMigrateHistoryReader {

    ToolHistory read(Connection c, ToolHistoryTable table, ImportPlan plan) throws SQLException;
}
