package fr.guichet.certificates;

/** What the certificate is delivered on: a USB key (the agency's default), a smart card, a .p12 file. */
public enum Support {
    USB_KEY,
    SMART_CARD,
    P12_FILE
}
