package nl.luisterloket.knowledge;

import java.util.List;
import java.util.Map;

import nl.luisterloket.knowledge.model.Service;
import nl.luisterloket.knowledge.model.Translation;

/** A small, hand-written knowledge base for tests. */
public final class TestServices {

    private TestServices() {
    }

    public static Service service(String id, String name, String summary, List<String> categories, List<String> keywords) {
        return new Service(id, name, null, summary, null, categories, keywords, null, null, null, List.of("*"), null,
                null, null, false, null, true, null);
    }

    public static Service withAreas(Service service, List<String> areas) {
        return new Service(service.id(), service.name(), service.organization(), service.summary(), service.description(),
                service.categories(), service.keywords(), service.exampleQuestions(), service.eligibility(),
                service.languages(), areas, service.contact(), service.openingHours(), service.cost(), service.urgent(),
                service.lastVerified(), service.active(), service.i18n());
    }

    public static Service withEligibility(Service service, String eligibility) {
        return new Service(service.id(), service.name(), service.organization(), service.summary(), service.description(),
                service.categories(), service.keywords(), service.exampleQuestions(), eligibility,
                service.languages(), service.areas(), service.contact(), service.openingHours(), service.cost(), service.urgent(),
                service.lastVerified(), service.active(), service.i18n());
    }

    public static Service inactive(Service service) {
        return new Service(service.id(), service.name(), service.organization(), service.summary(), service.description(),
                service.categories(), service.keywords(), service.exampleQuestions(), service.eligibility(),
                service.languages(), service.areas(), service.contact(), service.openingHours(), service.cost(),
                service.urgent(), service.lastVerified(), false, service.i18n());
    }

    public static Service urgent(String id, String name, String summary, List<String> keywords) {
        return new Service(id, name, null, summary, null, List.of("crisis"), keywords, null, null, null, List.of("*"),
                null, null, null, true, null, true, null);
    }

    public static List<Service> city() {
        return List.of(
                service("schuldhulp", "Schuldhulpverlening", "Hulp als je schulden hebt en rekeningen niet kunt betalen.",
                        List.of("geld"), List.of("schulden", "deurwaarder", "aanmaning")),
                service("huurloket", "Huurloket", "Advies als je huurachterstand hebt of problemen met je verhuurder.",
                        List.of("wonen"), List.of("huur", "verhuurder")),
                service("voedselbank", "Voedselbank", "Gratis boodschappen als je geen geld hebt voor eten.",
                        List.of("eten", "geld"), List.of("voedselpakket", "eten")),
                withAreas(service("buurthuis-noord", "Buurthuis Noord", "Koffie, activiteiten en ontmoeting in de wijk.",
                        List.of("sociaal-contact"), List.of("buurthuis", "koffie", "ontmoeten")), List.of("Noordwijk")),
                withAreas(service("buurthuis-zuid", "Buurthuis Zuid", "Koffie, activiteiten en ontmoeting in de wijk.",
                        List.of("sociaal-contact"), List.of("buurthuis", "koffie", "ontmoeten")), List.of("Zuidwijk")),
                new Service("taalhuis", "Taalhuis", null, "Gratis Nederlands leren in de bibliotheek.", null,
                        List.of("onderwijs-taal"), List.of("taalles", "nederlands leren"), null, null, null, List.of("*"), null,
                        null, null, false, null, true,
                        Map.of("en", new Translation("Language house", "Learn Dutch for free at the library.", null,
                                List.of("dutch lessons", "learn dutch"), null))),
                inactive(service("oude-voedselbank", "Oude voedselbank", "Gratis eten, vroeger.", List.of("eten"),
                        List.of("voedselpakket", "eten"))),
                urgent("alarm-112", "Alarmnummer 112", "Bel 112 als iemands leven nu in gevaar is.",
                        List.of("spoed", "levensgevaar", "ambulance", "geweld")),
                urgent("lijn-113", "113 Zelfmoordpreventie", "Praat anoniem als je aan zelfmoord denkt.",
                        List.of("zelfmoord", "dood willen", "suicide")),
                urgent("veilig-thuis", "Veilig Thuis", "Advies en hulp bij huiselijk geweld en kindermishandeling.",
                        List.of("huiselijk geweld", "mishandeling", "slaan")));
    }
}
