package dev.kelvin.core.port;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.testkit.HistorySourceContract;
import dev.kelvin.core.testkit.InMemoryHistory;
import java.util.List;

/** The in-memory history of the test kit keeps the port's contract. */
class InMemoryHistoryTest extends HistorySourceContract {
  @Override
  protected HistorySource storing(List<Stored> readings) {
    return new InMemoryHistory(readings);
  }

  @Override
  protected HistorySource storingChanges(List<NodeAvailability> changes) {
    return new InMemoryHistory(List.of(), changes);
  }
}
