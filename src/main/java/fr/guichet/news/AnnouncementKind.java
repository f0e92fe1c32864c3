package fr.guichet.news;

/**
 * News for whom it concerns, or one of a product's communications to its correspondents (seed
 * 001: version deliveries, product plans, training calendars, seminars), which name the product.
 */
public enum AnnouncementKind {
    NEWS,
    VERSION_DELIVERY,
    PRODUCT_PLAN,
    TRAINING_CALENDAR,
    SEMINAR;

    public boolean aboutAProduct() {
        return this != NEWS;
    }
}
