package nl.luisterloket.benchmarks.pipeline;

import java.util.List;

import nl.luisterloket.benchmarks.data.Workspace;

/** Runs the load driver against the application on a prepared workspace. */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    /** The application in this JVM, fed like a channel feeds it, replies accepted at once. */
    public static PipelineLoadDriver.Result inProcess(Workspace workspace, PipelineLoadDriver.Settings settings, List<String> messages) {
        return new PipelineLoadDriver(settings).run(new InProcessPipeline(workspace.loadConfig()), messages);
    }
}
