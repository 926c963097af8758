package dev.sleet.bench;

import java.util.ArrayList;
import java.util.List;

/** The Markdown being assembled for docs/BENCHMARKS.md, plus the list of goals and how each fared. */
public final class Report {
    /** A goal from the issues and the figure measured against it in this run. */
    public record Goal(String what, String goal, String measured, boolean met) {
    }

    private final StringBuilder body = new StringBuilder();
    private final List<Goal> goals = new ArrayList<>();

    public Report section(String title) {
        body.append("\n## ").append(title).append("\n\n");
        return this;
    }

    public Report subsection(String title) {
        body.append("\n### ").append(title).append("\n\n");
        return this;
    }

    public Report paragraph(String text) {
        body.append(text).append("\n\n");
        return this;
    }

    public Report table(List<String> headers, List<List<String>> rows) {
        body.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (int i = 0; i < headers.size(); i++) {
            body.append(i == 0 ? " --- |" : " ---: |");
        }
        body.append('\n');
        for (List<String> row : rows) {
            body.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        body.append('\n');
        return this;
    }

    public Report code(String text) {
        body.append("```\n").append(text.strip()).append("\n```\n\n");
        return this;
    }

    public void goal(String what, String goal, String measured, boolean met) {
        goals.add(new Goal(what, goal, measured, met));
    }

    public List<Goal> goals() {
        return List.copyOf(goals);
    }

    public String body() {
        return body.toString();
    }
}
