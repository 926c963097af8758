package dev.sleet.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor the build generated (what Maven itself reads) against the promises of the
 * docs: the {@code sleet} prefix, the goals, and every goal's parameters and properties listed in
 * docs/MAVEN.md, so a new parameter cannot ship undocumented.
 */
class PluginDescriptorTest {
    private static final Path DESCRIPTOR = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");
    private static final Path DOCS = Path.of("..", "docs", "MAVEN.md");

    private static Document descriptor() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile());
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    @Test
    void thePrefixIsSleetAndTheGoalsAreTheIssuesList() throws Exception {
        Document d = descriptor();
        assertThat(text(d.getDocumentElement(), "goalPrefix")).isEqualTo("sleet");
        List<String> goals = new ArrayList<>();
        NodeList mojos = d.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            goals.add(text((Element) mojos.item(i), "goal"));
        }
        assertThat(goals).containsExactlyInAnyOrder("migrate", "plan", "status", "verify", "lint", "rollback", "baseline", "repair",
                "export", "pull", "help");
    }

    @Test
    void everyGoalAndParameterIsInTheDocs() throws Exception {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        NodeList mojos = descriptor().getElementsByTagName("mojo");
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if (!docs.contains("`sleet:" + goal + "`")) {
                missing.add("goal sleet:" + goal);
            }
            if (goal.equals("help")) {
                continue;
            }
            NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            for (int p = 0; p < parameters.getLength(); p++) {
                Element parameter = (Element) parameters.item(p);
                if (!"true".equals(text(parameter, "editable"))) {
                    continue;
                }
                String name = text(parameter, "name");
                if (!docs.contains("`" + name + "`")) {
                    missing.add(goal + " parameter " + name);
                }
                NodeList expression = configuration.getElementsByTagName(name);
                String property = expression.getLength() == 0 ? "" : expression.item(0).getTextContent();
                if (property.startsWith("${") && !docs.contains("`" + property.substring(2, property.length() - 1) + "`")) {
                    missing.add(goal + " property " + property);
                }
            }
        }
        assertThat(missing).as("missing from docs/MAVEN.md").isEmpty();
    }

    @Test
    void everyGoalSkippedNamesItselfAsTheDescriptorDoes() throws Exception {
        NodeList mojos = descriptor().getElementsByTagName("mojo");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            AbstractSleetMojo instance = (AbstractSleetMojo) Class.forName(text(mojo, "implementation")).getConstructor().newInstance();
            List<String> logged = new ArrayList<>();
            instance.setLog(new SystemStreamLog() {
                @Override
                public void info(CharSequence content) {
                    logged.add(content.toString());
                }
            });
            instance.skip = true;
            instance.execute();
            if (!logged.equals(List.of("sleet:" + goal + " skipped (sleet.skip)"))) {
                wrong.add(goal + ": " + logged);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
