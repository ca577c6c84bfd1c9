package io.steersman.distribution;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code steersman} command. Exit codes: 0 success, 1 the work failed (a rollout missed its
 * deadline, the server could not start), 2 bad usage (unknown flag or command).
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
                .setExitCodeExceptionMapper(error -> 1)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of server, up, version");
    }
}
