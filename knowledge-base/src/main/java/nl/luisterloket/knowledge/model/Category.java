package nl.luisterloket.knowledge.model;

import java.util.Arrays;
import java.util.Optional;

/** The life domains a service belongs to; ids as in the knowledge-base format. */
public enum Category {
    GELD("geld"),
    WERK_INKOMEN("werk-inkomen"),
    WONEN("wonen"),
    ZORG("zorg"),
    PSYCHISCHE_GEZONDHEID("psychische-gezondheid"),
    GEZONDHEID("gezondheid"),
    JEUGD_GEZIN("jeugd-gezin"),
    ONDERWIJS_TAAL("onderwijs-taal"),
    VEILIGHEID("veiligheid"),
    JURIDISCH("juridisch"),
    ETEN("eten"),
    SOCIAAL_CONTACT("sociaal-contact"),
    OUDEREN("ouderen"),
    NIEUWKOMERS("nieuwkomers"),
    DIGITAAL("digitaal"),
    ENERGIE("energie"),
    BUURT("buurt"),
    CRISIS("crisis");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(category -> category.id.equals(id)).findFirst();
    }
}
