package nl.luisterloket.benchmarks.data;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic stream of resident messages: mostly the evaluation set's messages in residents' own words (some
 * with extra typos, some naming a neighbourhood), plus greetings and thanks, and about one in a hundred strange
 * ones (emoji only, Arabic, query syntax, a 4,000-character text).
 */
public final class MessageMix {

    private static final List<String> SMALL_TALK = List.of("hoi", "hallo goedemiddag", "dankjewel!", "ok", "top bedankt",
            "wie ben jij eigenlijk", "doei", "hello, do you speak english?");
    private static final List<String> STRANGE = List.of("🙏🙏🙏", "مرحبا، أحتاج مساعدة في الإيجار", "\"(*~ huur* AND NOT schuld)^3",
            "????", "ik ik ik ik ik ik ik ik ik ik ik ik ik ik ik ik ik ik ik ik");

    private final Vocabulary vocabulary;
    private final Province province;

    public MessageMix(Vocabulary vocabulary, Province province) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.province = requireNonNull(province, "province is null");
    }

    public List<String> messages(int count, long seed) {
        Random random = new Random(seed);
        List<Vocabulary.ResidentMessage> residents = vocabulary.residentMessages();
        List<String> neighbourhoods = province.neighbourhoods();
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            String text;
            if (roll < 70) {
                text = residents.get(random.nextInt(residents.size())).text();
            } else if (roll < 80) {
                text = withTypos(residents.get(random.nextInt(residents.size())).text(), random);
            } else if (roll < 89) {
                text = residents.get(random.nextInt(residents.size())).text() + ", ik woon in "
                        + neighbourhoods.get(random.nextInt(neighbourhoods.size()));
            } else if (roll < 99) {
                text = SMALL_TALK.get(random.nextInt(SMALL_TALK.size()));
            } else if (random.nextInt(5) == 0) {
                text = longMessage(random);
            } else {
                text = STRANGE.get(random.nextInt(STRANGE.size()));
            }
            messages.add(text);
        }
        return messages;
    }

    /** Swaps neighbouring letters and drops a letter here and there, as thumbs on a phone do. */
    static String withTypos(String text, Random random) {
        StringBuilder typed = new StringBuilder(text);
        int typos = 1 + text.length() / 25;
        for (int i = 0; i < typos && typed.length() > 3; i++) {
            int at = 1 + random.nextInt(typed.length() - 2);
            if (random.nextBoolean()) {
                char c = typed.charAt(at);
                typed.setCharAt(at, typed.charAt(at + 1));
                typed.setCharAt(at + 1, c);
            } else {
                typed.deleteCharAt(at);
            }
        }
        return typed.toString();
    }

    private String longMessage(Random random) {
        List<Vocabulary.ResidentMessage> residents = vocabulary.residentMessages();
        StringBuilder text = new StringBuilder();
        while (text.length() < 4000) {
            text.append(residents.get(random.nextInt(residents.size())).text()).append(". ");
        }
        return text.substring(0, 4000);
    }
}
