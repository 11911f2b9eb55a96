package dev.kelvin.app.agent;

import dev.kelvin.app.FailureHandler;
import picocli.CommandLine;

/**
 * The entry point of the slim agent artifact: {@code kelvin agent} alone, so that a node runs
 * the agent without the controller's libraries on its class path. Exit codes as for every
 * kelvin command: 0 done, 1 failed (one line on stderr says why), 2 usage error.
 */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) {
    CommandLine agent = new CommandLine(new AgentCommand());
    agent.setExecutionExceptionHandler(new FailureHandler());
    agent.setCommandName("kelvin agent");
    System.exit(agent.execute(args));
  }
}
