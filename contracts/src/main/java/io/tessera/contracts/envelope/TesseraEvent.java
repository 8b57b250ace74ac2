package io.tessera.contracts.envelope;

/** An event of the farm. Its CloudEvents type is {@code io.tessera.<SimpleClassName>}. */
public interface TesseraEvent {

    /** The CloudEvents subject: the id of the thing the event is about. */
    String subject();
}
