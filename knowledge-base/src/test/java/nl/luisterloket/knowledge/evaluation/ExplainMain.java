package nl.luisterloket.knowledge.evaluation;

import java.nio.file.Path;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.index.ServiceQuery;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;

/** Prints Lucene's explanation of why services scored as they did: KB, text, english(true/false), ids... */
public final class ExplainMain {

    private ExplainMain() {
    }

    public static void main(String[] args) {
        try (ServiceIndex index = new ServiceIndex(TextAnalysis.load(new ConfigFiles(Path.of("config"))))) {
            index.replaceAll(new KnowledgeBaseReader().read(Path.of(args[0])));
            ServiceQuery query = ServiceQuery.of(args[1], Boolean.parseBoolean(args[2]), 5);
            for (int i = 3; i < args.length; i++) {
                System.out.println("=== " + args[i]);
                System.out.println(index.explain(query, args[i]));
            }
        }
    }
}
