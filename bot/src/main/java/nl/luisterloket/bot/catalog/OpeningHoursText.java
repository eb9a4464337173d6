package nl.luisterloket.bot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Opening hours in a compact text form for spreadsheets and chat edits:
 * {@code mo-fr 09:00-17:00; sa 10:00-12:00; mo,we 19:00-21:00}. Day codes mo tu we th fr sa su; a range of
 * days with {@code -}, a list with {@code ,}; periods separated by {@code ;}. Converts to and from the
 * {@code opening_hours} list of the knowledge-base format (times are checked by the knowledge-base reader).
 */
public final class OpeningHoursText {

    static final List<String> DAY_CODES = List.of("mo", "tu", "we", "th", "fr", "sa", "su");
    private static final Pattern PERIOD = Pattern.compile("(?<days>[a-z ,\\-]+?)\\s+(?<opens>\\d{1,2}:\\d{2})\\s*-\\s*(?<closes>\\d{1,2}:\\d{2})");

    private OpeningHoursText() {
    }

    /** Parses the text into {@code opening_hours} entries; throws IllegalArgumentException saying what is wrong. */
    public static ArrayNode parse(String text) {
        ArrayNode periods = JsonNodeFactory.instance.arrayNode();
        for (String part : text.split(";")) {
            String period = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (period.isEmpty()) {
                continue;
            }
            Matcher matcher = PERIOD.matcher(period);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("cannot read '" + part.strip() + "' (write e.g. mo-fr 09:00-17:00; sa 10:00-12:00)");
            }
            ObjectNode node = periods.addObject();
            ArrayNode days = node.putArray("days");
            days(matcher.group("days")).forEach(days::add);
            node.put("opens", padded(matcher.group("opens")));
            node.put("closes", padded(matcher.group("closes")));
        }
        return periods;
    }

    /** The compact text of an {@code opening_hours} list as written by {@code ServiceJsonWriter}. */
    public static String format(JsonNode openingHours) {
        List<String> parts = new ArrayList<>();
        for (JsonNode period : openingHours) {
            List<Integer> days = new ArrayList<>();
            period.path("days").forEach(day -> days.add(DAY_CODES.indexOf(day.asText())));
            parts.add(formatDays(days) + " " + period.path("opens").asText() + "-" + period.path("closes").asText());
        }
        return String.join("; ", parts);
    }

    private static List<String> days(String text) {
        List<String> days = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] range = item.strip().split("\\s*-\\s*");
            if (range.length == 1) {
                days.add(dayCode(range[0]));
            } else if (range.length == 2) {
                int from = DAY_CODES.indexOf(dayCode(range[0]));
                int to = DAY_CODES.indexOf(dayCode(range[1]));
                if (to < from) {
                    throw new IllegalArgumentException("day range '" + item.strip() + "' runs backwards (write e.g. mo-fr)");
                }
                days.addAll(DAY_CODES.subList(from, to + 1));
            } else {
                throw new IllegalArgumentException("cannot read the days '" + item.strip() + "'");
            }
        }
        return days;
    }

    private static String dayCode(String text) {
        String code = text.strip();
        if (!DAY_CODES.contains(code)) {
            throw new IllegalArgumentException("unknown day '" + code + "' (use mo, tu, we, th, fr, sa, su)");
        }
        return code;
    }

    private static String padded(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private static String formatDays(List<Integer> days) {
        List<String> groups = new ArrayList<>();
        int start = 0;
        while (start < days.size()) {
            int end = start;
            while (end + 1 < days.size() && days.get(end + 1) == days.get(end) + 1) {
                end++;
            }
            if (end - start >= 2) {
                groups.add(DAY_CODES.get(days.get(start)) + "-" + DAY_CODES.get(days.get(end)));
            } else {
                for (int i = start; i <= end; i++) {
                    groups.add(DAY_CODES.get(days.get(i)));
                }
            }
            start = end + 1;
        }
        return String.join(",", groups);
    }
}
