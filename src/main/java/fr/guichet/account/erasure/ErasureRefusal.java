package fr.guichet.account.erasure;

/** Why an erasure request cannot be made or decided: a message key the page shows. */
class ErasureRefusal extends RuntimeException {

    private final String messageKey;

    ErasureRefusal(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
