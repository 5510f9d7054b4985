package dev.oms.imports.domain;

/** An order group of the file once its last row was read: either ready to publish or rejected. */
public sealed interface AssembledOrder permits AcceptedOrder, RejectedOrder {

    /** Number of CSV rows the group had. */
    int rowCount();
}
