package dev.oms.events;

/** Which lane an order travels in; every hop serves INTERACTIVE work before BULK work. */
public enum Lane {
    INTERACTIVE,
    BULK
}
