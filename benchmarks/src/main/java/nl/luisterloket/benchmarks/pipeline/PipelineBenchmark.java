package nl.luisterloket.benchmarks.pipeline;

import java.util.List;

import nl.luisterloket.benchmarks.data.Workspace;

/** Runs the load driver against the application on a prepared workspace. */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    /** Updates from the fake Telegram server through the whole application to the replies the fake receives. */
    public static PipelineLoadDriver.Result telegram(Workspace workspace, PipelineLoadDriver.Settings settings, List<String> messages) {
        return new PipelineLoadDriver(settings).run(new TelegramPipeline(workspace), messages);
    }

    /** The application in this JVM without a channel: messages handed straight to the router, replies accepted at once. */
    public static PipelineLoadDriver.Result inProcess(Workspace workspace, PipelineLoadDriver.Settings settings, List<String> messages) {
        return new PipelineLoadDriver(settings).run(new InProcessPipeline(workspace.loadConfig()), messages);
    }
}
