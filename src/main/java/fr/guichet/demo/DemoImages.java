package fr.guichet.demo;

import fr.guichet.branding.ImageSlot;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A banner and a logo drawn at start-up for the demo's branding: no image file is shipped. */
final class DemoImages {

    private DemoImages() {}

    static byte[] of(ImageSlot slot, String text) {
        var image = new BufferedImage(slot.width(), slot.height(), BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x0b4f8a));
        g.fillRect(0, 0, slot.width(), slot.height());
        g.setColor(new Color(0xeef4fb));
        g.fillRect(0, slot.height() - 8, slot.width(), 8);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, slot == ImageSlot.LOGO ? 40 : 20));
        g.drawString(text, 16, slot.height() / 2 + 8);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
