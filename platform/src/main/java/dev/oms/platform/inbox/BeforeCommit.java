package dev.oms.platform.inbox;

/**
 * Work a service defers to the end of each transaction the {@link TransactionalInbox} runs: called once after the
 * last event of a batch applied together, or after the one event applied alone, just before the commit. Writes that
 * lock rows every consumer needs belong here, so the transaction holds those locks only for its last statements.
 */
public interface BeforeCommit {

    void beforeCommit();
}
