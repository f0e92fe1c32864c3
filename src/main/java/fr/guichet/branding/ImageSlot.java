package fr.guichet.branding;

/** The two images of the band, each of one exact size (the band's layout is fixed). */
public enum ImageSlot {
    BANNER(464, 90, "bandeau"),
    LOGO(247, 90, "logo");

    private final int width;
    private final int height;
    private final String path;

    ImageSlot(int width, int height, String path) {
        this.width = width;
        this.height = height;
        this.path = path;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The last segment of the image's address ({@code /collectivites/{id}/bandeau}). */
    public String path() {
        return path;
    }

    public String messageKey() {
        return "branding.image." + name();
    }
}
