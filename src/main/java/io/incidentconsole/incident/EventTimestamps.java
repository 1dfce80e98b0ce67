package io.incidentconsole.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An event's timestamp as journal lines and the team database carry it: the form {@link Instant#toString()} writes,
 * written and read here several times faster than the JDK's formatter for years 0-9999 (replaying a long journal and a
 * team console reading every other console's events spend much of their time on timestamps otherwise).
 */
public final class EventTimestamps {

    private EventTimestamps() {
    }

    /**
     * Reads the form {@link Instant#toString()} writes for years 0-9999 ("2026-11-27T08:10:22.123456Z", with 0, 3, 6
     * or 9 fraction digits) several times faster than {@link Instant#parse}; null for anything else, which then goes
     * the general way. Replaying a long journal spends much of its time here otherwise.
     */
    static Instant parseFast(String text) {
        int length = text.length();
        if ((length != 20 && length != 24 && length != 27 && length != 30) || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || fraction < 0
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int nanos = fraction * (length == 24 ? 1_000_000 : length == 27 ? 1_000 : 1);
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /**
     * An event's timestamp as {@link #format} (or any {@link Instant#parse} form) wrote it, the fast way where it
     * can: a team console reads every other console's events from its database. Throws as {@link Instant#parse} does.
     */
    public static Instant read(String text) {
        Instant fast = parseFast(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years {@link #format} writes itself. */
    private static final long FIRST_FAST_SECOND = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST_FAST_SECOND = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400 + 86_399;

    /**
     * Exactly what {@link Instant#toString()} writes ("2026-11-27T08:10:22.123Z": seconds always, the fraction in
     * groups of three digits, none when zero), several times faster for years 0-9999: every event's timestamp is
     * written this way (a journal line, a team database's row), and under the team load harness the JDK's formatter
     * was a fifth of encoding a line. Other years go the JDK's way.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = Math.floorMod(seconds, 86_400);
        int nanos = instant.getNano();
        int fractionDigits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (fractionDigits == 0 ? 0 : fractionDigits + 1)];
        put(text, 0, date.getYear(), 4);
        text[4] = '-';
        put(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        if (fractionDigits > 0) {
            text[19] = '.';
            put(text, 20, nanos / (fractionDigits == 3 ? 1_000_000 : fractionDigits == 6 ? 1_000 : 1), fractionDigits);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
