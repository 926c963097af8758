package dev.sleet.processor.dao;

import java.util.List;
import java.util.Locale;

/** Java names derived from SQL names for generated code. */
final class Naming {
    private Naming() {
    }

    /** {@code event_date} → {@code EVENT_DATE}; characters Java does not allow become underscores. */
    static String constantName(String sqlName) {
        StringBuilder sb = new StringBuilder();
        for (char c : sqlName.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** {@code findByClientId} → {@code FIND_BY_CLIENT_ID}. */
    static String constantFromCamel(String javaName) {
        StringBuilder sb = new StringBuilder();
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c) && sb.length() > 0) {
                sb.append('_');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }

    /** {@code clientId} → {@code ClientId}. */
    static String capitalize(String javaName) {
        return javaName.isEmpty() ? javaName : Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
    }

    /** {@code [status, eventDate]} → {@code StatusAndEventDate}. */
    static String joinedComponents(List<String> componentNames) {
        StringBuilder sb = new StringBuilder();
        for (String name : componentNames) {
            if (sb.length() > 0) {
                sb.append("And");
            }
            sb.append(capitalize(name));
        }
        return sb.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** {@code ExecutionSummary} → {@code executionSummary}. */
    static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code resource_schedule} → {@code ResourceSchedule}; characters Java does not allow separate words. */
    static String camel(String sqlName) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : sqlName.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
                continue;
            }
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, 'T');
        }
        return sb.toString();
    }
}
