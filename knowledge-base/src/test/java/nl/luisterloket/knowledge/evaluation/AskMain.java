package nl.luisterloket.knowledge.evaluation;

import java.nio.file.Path;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TextAnalysis;
import nl.luisterloket.knowledge.index.ServiceIndex;
import nl.luisterloket.knowledge.load.KnowledgeBaseReader;
import nl.luisterloket.knowledge.understanding.MatchingSettings;
import nl.luisterloket.knowledge.understanding.MessageUnderstander;
import nl.luisterloket.knowledge.understanding.Understanding;
import nl.luisterloket.knowledge.understanding.UnderstandingContext;

/** Prints the understanding of messages against a KB: KB, message... */
public final class AskMain {

    private AskMain() {
    }

    public static void main(String[] args) {
        try (ServiceIndex index = new ServiceIndex(TextAnalysis.load(new ConfigFiles(Path.of("config"))))) {
            index.replaceAll(new KnowledgeBaseReader().read(Path.of(args[0])));
            MessageUnderstander understanding = new MessageUnderstander(index, new MatchingSettings(0.5, 0.3, Path.of("config")));
            for (int i = 1; i < args.length; i++) {
                Understanding understood = understanding.understand(args[i], UnderstandingContext.FIRST_MESSAGE);
                System.out.println(index.search(nl.luisterloket.knowledge.index.ServiceQuery.of(args[i], false, 5)).stream().map(h -> h.service().id() + ":" + h.service().mainCategory() + ":" + String.format("%.2f/%.2f", h.relevance(), h.coverage())).toList());
                System.out.println(args[i] + " -> " + understood.decision() + " " + String.format("%.2f", understood.confidence()) + " "
                        + understood.suggestions().stream().map(s -> s.service().id()).limit(3).toList() + " " + understood.domains());
            }
        }
    }
}
