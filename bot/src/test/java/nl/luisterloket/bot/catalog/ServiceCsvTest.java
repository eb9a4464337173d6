package nl.luisterloket.bot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

class ServiceCsvTest {

    private final ServiceJsonWriter writer = new ServiceJsonWriter();
    private final ServiceCsv csv = new ServiceCsv(new KnowledgeBaseReader(), writer);

    @Test
    void theWholeSampleKnowledgeBaseSurvivesARoundTripThroughCsv() {
        List<Service> sample = CatalogFixtures.sample();
        StringWriter text = new StringWriter();
        csv.write(sample, text);

        List<Service> back = read(text.toString());

        assertThat(back).hasSameSizeAs(sample);
        for (int i = 0; i < sample.size(); i++) {
            assertThat(writer.toJson(back.get(i))).isEqualTo(writer.toJson(sample.get(i)));
        }
    }

    @Test
    void aSpreadsheetRowWithListsCompactOpeningHoursAndYesNoBecomesAService() {
        String text = """
                id,name,summary,categories,keywords,contact.phone,opening_hours,urgent,i18n.en.summary
                taalcafe-noord,Taalcafé Noord,Oefen Nederlands praten.,onderwijs-taal; sociaal-contact,taal; praten ,020-1234567,"mo-we,fr 09:00-12:00; sa 10:00-12:00",nee,Practise speaking Dutch.
                """;

        Service service = read(text).get(0);

        assertThat(service.categories()).containsExactly("onderwijs-taal", "sociaal-contact");
        assertThat(service.keywords()).containsExactly("taal", "praten");
        assertThat(service.contact().phone()).isEqualTo("020-1234567");
        assertThat(service.openingHours()).hasSize(2);
        assertThat(service.openingHours().get(0).days()).hasSize(4);
        assertThat(service.urgent()).isFalse();
        assertThat(service.summaryIn("en")).isEqualTo("Practise speaking Dutch.");
        assertThat(ServiceFields.get(writer.toNode(service), "opening_hours")).isEqualTo("mo-we,fr 09:00-12:00; sa 10:00-12:00");
    }

    @Test
    void aDutchSpreadsheetSeparatedBySemicolonsIsReadToo() {
        String text = "\uFEFFid;name;summary;categories\nvoedselbank;Voedselbank;Eten voor wie krap zit.;\"eten; geld\"\n";

        assertThat(read(text).get(0).categories()).containsExactly("eten", "geld");
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndField() {
        String text = """
                id,name,summary,categories,opening_hours,active
                goed,Goed,Prima dienst.,eten,mo-fr 09:00-17:00,yes
                slecht,Slecht,Foute categorie.,money,,yes
                uren,Uren,Foute tijden.,eten,maandag 9-5,misschien
                """;

        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(KnowledgeBaseValidationException.class, invalid -> assertThat(invalid.problems()).containsExactly(
                        "services.csv, row 3 (id 'slecht'): categories[0]: unknown category 'money'",
                        "services.csv, row 4 (id 'uren'): opening_hours: cannot read 'maandag 9-5' (write e.g. mo-fr 09:00-17:00; sa 10:00-12:00)",
                        "services.csv, row 4 (id 'uren'): active: must be yes or no, not 'misschien'"));
    }

    @Test
    void anUnknownColumnIsNamedBeforeAnyRowIsRead() {
        assertThatThrownBy(() -> read("id,name,summary,categories,telefoon\nx,X,Y,eten,123\n"))
                .isInstanceOfSatisfying(KnowledgeBaseValidationException.class,
                        invalid -> assertThat(invalid.problems().get(0)).startsWith("services.csv, header: telefoon: unknown column"));
    }

    private List<Service> read(String text) {
        return csv.read("services.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
