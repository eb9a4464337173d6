package nl.luisterloket.bot.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Injector;

import nl.luisterloket.bot.Application;
import nl.luisterloket.bot.config.LuisterloketConfig;
import nl.luisterloket.bot.lifecycle.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code luisterloket run}: serve the channels the configuration enables until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Serve the channels the configuration enables (Telegram, the HTTP health endpoint) until stopped (SIGTERM).")
final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOption configOption;

    @Override
    public Integer call() throws InterruptedException {
        LuisterloketConfig config = configOption.load();
        Clock clock = configOption.clock(config);
        Injector injector = Application.create(config, clock, ChannelModules.forRun(config));
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lifecycle.stop();
            stopped.countDown();
        }, "luisterloket-shutdown"));
        lifecycle.start();
        log.info("Luisterloket is running (Telegram {}). Stop with SIGTERM or Ctrl-C.",
                config.telegram().enabled() ? config.telegram().mode() : "off");
        stopped.await();
        return 0;
    }
}
