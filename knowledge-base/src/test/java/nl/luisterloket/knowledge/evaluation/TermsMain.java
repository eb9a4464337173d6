package nl.luisterloket.knowledge.evaluation;

import java.nio.file.Path;

import nl.luisterloket.knowledge.analysis.ConfigFiles;
import nl.luisterloket.knowledge.analysis.TermGroups;
import nl.luisterloket.knowledge.analysis.TextAnalysis;

/** Prints the analysed word groups of messages (Dutch query analysis). */
public final class TermsMain {

    private TermsMain() {
    }

    public static void main(String[] args) {
        TextAnalysis analysis = TextAnalysis.load(new ConfigFiles(Path.of("config")));
        for (String text : args) {
            System.out.println(text + " -> " + TermGroups.analyze(analysis.dutchQuery(), "nl_all", text));
        }
    }
}
