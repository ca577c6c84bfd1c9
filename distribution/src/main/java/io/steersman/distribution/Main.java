package io.steersman.distribution;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code steersman} command. Exit codes scripts can rely on: 0 success (and a clean stop on
 * SIGTERM or Ctrl-C), 1 the work failed (the server could not start, a rollout missed its deadline
 * or timed out), 2 bad usage (unknown flag or command, a value that does not parse).
 */
@Command(name = "steersman",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "A Kubernetes-style control plane in one JVM.",
        subcommands = {ServerCommand.class, UpCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(new FailureHandler())
                .setParameterExceptionHandler(Main::usageError)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** A usage error: what is wrong and where the help is, not the whole help (exit code 2). */
    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        command.getErr().println("steersman: " + error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, command.getErr());
        command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of server, up, version");
    }
}
