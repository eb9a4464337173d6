package nl.luisterloket.bot.privacy;

import static java.util.Objects.requireNonNull;

/**
 * One anonymous count's name: a metric and the dimension it is split by ("" when none).
 *
 * @param metric    e.g. {@code messages.in}, {@code decision}, {@code domain}
 * @param dimension e.g. {@code answer} for a decision, {@code Bloemhof|money} for a domain
 */
public record CountKey(String metric, String dimension) {

    public CountKey {
        requireNonNull(metric, "metric is null");
        dimension = dimension == null ? "" : dimension;
    }
}
