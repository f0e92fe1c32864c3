package fr.guichet.alerts;

/** How a kind of alert reaches a person. */
public enum Delivery {
    IMMEDIATE,
    /** gathered with the others into one e-mail a day */
    DIGEST,
    OFF
}
