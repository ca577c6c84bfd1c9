package io.steersman.distribution;

import java.net.BindException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure of a command into one line on stderr and exit code 1: a person reads what went
 * wrong, a script sees a non-zero status, nobody reads a stack trace ({@code --log-level debug}
 * shows it).
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        command.getErr().println("steersman: error: " + message(failure));
        if (Boolean.getBoolean(ClusterOptions.DEBUG_PROPERTY)) {
            failure.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return 1;
    }

    /** What went wrong, in the server's own words; a port in use says so in one line, with the way out. */
    static String message(Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage().strip();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                int end = message.indexOf('\n');
                return (end < 0 ? message : message.substring(0, end))
                        + " (the port is in use: is another server running? --port picks another, 0 a free one)";
            }
        }
        return message;
    }
}
