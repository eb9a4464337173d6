package nl.luisterloket.benchmarks.data;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.luisterloket.knowledge.model.Category;
import nl.luisterloket.knowledge.model.Contact;
import nl.luisterloket.knowledge.model.OpeningPeriod;
import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.model.Translation;

/**
 * Makes a knowledge base of any size for an invented province: the sample services of Lindestad first, then
 * services recombined from the vocabulary of their life domain (name stems, keywords, example questions,
 * summaries), spread over the towns and neighbourhoods of {@link Province}. The same size and seed give the same
 * services.
 */
public final class KnowledgeBaseGenerator {

    private static final List<String> ORGANISATION_FORMS = List.of("Stichting", "Coöperatie", "Vereniging", "Gemeente",
            "Buurtorganisatie", "Welzijnsorganisatie");
    private static final List<String> SERVICE_FORMS = List.of("", "", "Spreekuur", "Inloop", "Steunpunt", "Loket",
            "Team", "Project", "Punt");
    private static final List<String> LANGUAGES = List.of("en", "ar", "tr", "pl", "uk", "so", "ti", "fr", "es", "de");
    private static final List<String> COSTS = List.of("gratis", "gratis", "gratis", "eigen bijdrage", "€ 2,50 per keer",
            "gratis met de stadspas");
    private static final List<String> ELIGIBILITY = List.of("Iedereen die in de gemeente woont.",
            "Inwoners met een laag inkomen.", "Jongeren tot 27 jaar.", "Ouderen vanaf 65 jaar en hun mantelzorgers.",
            "Gezinnen met kinderen tot 18 jaar.", "Nieuwkomers en statushouders.");
    private static final List<String> WALK_IN = List.of("dinsdag 9:00–12:00", "woensdagmiddag", "elke werkdag 10:00–12:00",
            "donderdag 13:00–16:00", "maandag en vrijdag 9:00–11:30");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final Vocabulary vocabulary;
    private final Province province;

    public KnowledgeBaseGenerator(Vocabulary vocabulary, Province province) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.province = requireNonNull(province, "province is null");
    }

    /** {@code count} services (at least the sample's size is not required: a smaller count takes part of the sample). */
    public List<Service> generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        Random random = new Random(seed);
        List<Service> services = new ArrayList<>(count);
        for (Service sample : vocabulary.sampleServices()) {
            if (services.size() == count) {
                return services;
            }
            services.add(sample);
        }
        Category[] categories = Category.values();
        while (services.size() < count) {
            Category category = categories[random.nextInt(categories.length)];
            services.add(synthetic(services.size(), category.id(), random));
        }
        return services;
    }

    private Service synthetic(int number, String categoryId, Random random) {
        Vocabulary.CategoryWords words = vocabulary.category(categoryId);
        Province.Town town = pick(province.towns(), random);
        boolean local = random.nextInt(3) > 0;
        List<String> areas = local ? pickSome(town.neighbourhoods(), 1 + random.nextInt(3), random) : List.of("*");
        String form = pick(SERVICE_FORMS, random);
        String stem = pick(words.nameStems(), random);
        String place = local ? areas.get(0) : town.name();
        String name = (form.isEmpty() ? stem : form + " " + stem) + " " + place;
        String id = slug(name) + "-" + number;
        List<String> categories = new ArrayList<>();
        categories.add(categoryId);
        if (!words.relatedCategories().isEmpty() && random.nextBoolean()) {
            String related = pick(words.relatedCategories(), random);
            if (!related.equals(categoryId)) {
                categories.add(related);
            }
        }
        List<String> keywords = pickSome(words.keywords(), 5 + random.nextInt(8), random);
        List<String> questions = pickSome(words.exampleQuestions(), 2 + random.nextInt(3), random);
        String summary = pick(words.summaries(), random);
        String description = summary + " " + pick(words.summaries(), random) + " Voor bewoners van " + place + ".";
        List<String> languages = new ArrayList<>(List.of("nl"));
        languages.addAll(pickSome(LANGUAGES, random.nextInt(3), random));
        Contact contact = new Contact(phone(random), slug(stem) + "@" + slug(town.name()) + ".example.org",
                "https://" + slug(stem) + "." + slug(town.name()) + ".example.org",
                "Dorpsstraat " + (1 + random.nextInt(200)) + ", " + town.name(),
                random.nextBoolean() ? pick(WALK_IN, random) : null);
        Map<String, Translation> i18n = words.englishKeywords().isEmpty() || random.nextInt(4) == 0 ? Map.of()
                : Map.of("en", new Translation(name, "A local service in " + place + " (" + categoryId + ").", null,
                        pickSome(words.englishKeywords(), 3 + random.nextInt(4), random), List.of()));
        return new Service(id, name, pick(ORGANISATION_FORMS, random) + " " + town.name() + " (voorbeeld)", summary,
                description, categories, keywords, questions, pick(ELIGIBILITY, random), languages, areas, contact,
                openingHours(random), pick(COSTS, random), false, LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)),
                random.nextInt(50) > 0, i18n);
    }

    private static List<OpeningPeriod> openingHours(Random random) {
        if (random.nextInt(5) == 0) {
            return List.of();
        }
        int opens = 8 + random.nextInt(3);
        return List.of(new OpeningPeriod(WEEKDAYS, LocalTime.of(opens, 30), LocalTime.of(opens + 7, 0)));
    }

    private static String phone(Random random) {
        return String.format(Locale.ROOT, "012-555 %02d %02d", random.nextInt(100), random.nextInt(100));
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> pickSome(List<T> values, int count, Random random) {
        Set<T> picked = new LinkedHashSet<>();
        int wanted = Math.min(count, values.size());
        while (picked.size() < wanted) {
            picked.add(pick(values, random));
        }
        return List.copyOf(picked);
    }

    /** "Steunpunt Schuldhulp Oude Haven" → "steunpunt-schuldhulp-oude-haven". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "dienst" : slug;
    }
}
