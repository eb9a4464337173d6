package nl.luisterloket.bot.catalog;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;

import jakarta.inject.Inject;
import nl.luisterloket.knowledge.load.KnowledgeBaseProblem;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.load.KnowledgeBaseValidationException;
import nl.luisterloket.knowledge.load.ServiceJsonWriter;
import nl.luisterloket.knowledge.model.Service;

/**
 * Services as CSV, one service a row, for the city's social map in a spreadsheet. The header names the columns
 * ({@link ServiceFields#COLUMNS}, plus {@code i18n.<language>.<field>}); columns may come in any order and only
 * {@code id}, {@code name}, {@code summary} and {@code categories} are required. Separated by commas, or by
 * semicolons when the header has no comma (a Dutch spreadsheet). Every row is validated like a knowledge-base
 * file: either all rows are fine, or a {@link KnowledgeBaseValidationException} names the row and field of every problem.
 */
public final class ServiceCsv {

    private final KnowledgeBaseReader reader;
    private final ServiceJsonWriter writer;
    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public ServiceCsv(KnowledgeBaseReader reader, ServiceJsonWriter writer) {
        this.reader = requireNonNull(reader, "reader is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    public List<Service> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public List<Service> read(String source, InputStream in) {
        String text = text(in);
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        List<List<String>> records = records(source, text);
        if (records.isEmpty()) {
            throw new KnowledgeBaseValidationException(List.of(new KnowledgeBaseProblem(source, -1, null, "", "the file is empty: it needs a header row")));
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        for (String column : header) {
            if (!ServiceFields.isColumn(column)) {
                problems.add(new KnowledgeBaseProblem(source + ", header", -1, null, column,
                        "unknown column (known: " + String.join(", ", ServiceFields.COLUMNS) + ", i18n.<language>.<field>)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseValidationException(problems);
        }
        ArrayNode entries = json.createArrayNode();
        List<String> ids = new ArrayList<>();
        for (int index = 1; index < records.size(); index++) {
            List<String> record = records.get(index);
            int row = index + 1;
            ObjectNode entry = entries.addObject();
            String id = cell(record, header.indexOf("id"));
            ids.add(id.isBlank() ? null : id);
            if (record.size() > header.size()) {
                problems.add(rowProblem(source, row, id, "", "has " + record.size() + " cells but the header has " + header.size() + " columns"));
            }
            for (int column = 0; column < header.size(); column++) {
                try {
                    ServiceFields.set(entry, header.get(column), cell(record, column));
                } catch (IllegalArgumentException e) {
                    problems.add(rowProblem(source, row, id, header.get(column), e.getMessage()));
                }
            }
        }
        List<Service> services = List.of();
        try {
            services = reader.read(source, new ByteArrayInputStream(json.writeValueAsBytes(entries)));
        } catch (KnowledgeBaseValidationException invalid) {
            for (KnowledgeBaseProblem problem : invalid.details()) {
                problems.add(problem.index() < 0 ? problem
                        : rowProblem(source, problem.index() + 2, ids.get(problem.index()), problem.field(), problem.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseValidationException(problems.stream()
                    .sorted(Comparator.comparing(KnowledgeBaseProblem::source, ServiceCsv::byRow)).toList());
        }
        return services;
    }

    /** Writes services as CSV with a header row; translation columns only for languages some service has. */
    public void write(Collection<Service> services, Writer out) {
        List<ObjectNode> entries = services.stream().map(writer::toNode).toList();
        List<String> columns = new ArrayList<>(ServiceFields.COLUMNS);
        columns.addAll(ServiceFields.translationColumns(entries));
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        try (SequenceWriter rows = csv.writer(schema.build().withHeader()).writeValues(out)) {
            for (ObjectNode entry : entries) {
                rows.write(columns.stream().map(column -> ServiceFields.get(entry, column)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
    }

    private List<List<String>> records(String source, String text) {
        String firstLine = text.lines().findFirst().orElse("");
        char separator = !firstLine.contains(",") && firstLine.contains(";") ? ';' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<List<String>> records = new ArrayList<>();
        try (Reader in = new StringReader(text);
             MappingIterator<String[]> rows = csv.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                     .with(schema).readValues(in)) {
            while (rows.hasNextValue()) {
                List<String> record = List.of(rows.nextValue());
                if (!record.stream().allMatch(String::isBlank)) {
                    records.add(record);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new KnowledgeBaseValidationException(List.of(new KnowledgeBaseProblem(source, -1, null, "",
                    "not valid CSV: " + e.getMessage().lines().findFirst().orElse(""))));
        }
        return records;
    }

    private static String text(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text = lines.lines().collect(Collectors.joining("\n"));
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(List<String> record, int column) {
        return column >= 0 && column < record.size() ? record.get(column) : "";
    }

    private static KnowledgeBaseProblem rowProblem(String source, int row, String id, String field, String message) {
        String where = source + ", row " + row + (id == null || id.isBlank() ? "" : " (id '" + id + "')");
        return new KnowledgeBaseProblem(where, -1, id, field, message);
    }

    private static int byRow(String first, String second) {
        return Integer.compare(rowNumber(first), rowNumber(second));
    }

    private static int rowNumber(String source) {
        var matcher = java.util.regex.Pattern.compile(", row (\\d+)").matcher(source);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
