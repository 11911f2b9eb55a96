package dev.kelvin.app;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.policy.PolicyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and exit code 1. {@link StartupException}s and
 * configuration errors carry a message written for the operator; anything else is unexpected, so its stack trace goes to
 * the log at DEBUG ({@code KELVIN_LOG_LEVEL=DEBUG} shows it).
 */
public final class FailureHandler implements IExecutionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    String command = commandLine.getCommandSpec().qualifiedName();
    if (e instanceof StartupException || e instanceof ConfigException
        || e instanceof PolicyException) {
      commandLine.getErr().println(command + ": " + e.getMessage());
    } else {
      commandLine.getErr().println(command + ": failed: " + e
          + " (run with KELVIN_LOG_LEVEL=DEBUG for the stack trace)");
      LOG.debug("{} failed", command, e);
    }
    return 1;
  }
}
