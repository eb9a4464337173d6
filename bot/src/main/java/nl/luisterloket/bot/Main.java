package nl.luisterloket.bot;

import nl.luisterloket.bot.cli.LuisterloketCommand;

/** Entry point: hands the command line to picocli and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(LuisterloketCommand.commandLine().execute(args));
    }
}
