package fr.guichet.branding;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Images made by the tests themselves: right ones, wrong ones, and crafted headers. */
public final class TestImages {

    private TestImages() {}

    public static byte[] jpeg(int width, int height) {
        return write("jpeg", width, height);
    }

    public static byte[] gif(int width, int height) {
        return write("gif", width, height);
    }

    public static byte[] png(int width, int height) {
        return write("png", width, height);
    }

    public static byte[] banner() {
        return jpeg(ImageSlot.BANNER.width(), ImageSlot.BANNER.height());
    }

    public static byte[] logo() {
        return gif(ImageSlot.LOGO.width(), ImageSlot.LOGO.height());
    }

    private static BufferedImage picture(int width, int height, Color color) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString("Guichet", 10, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] write(String format, int width, int height) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture(width, height, new Color(0x1b3a5c)), format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A GIF of several frames (an animation), each of the given size. */
    public static byte[] animatedGif(int width, int height, int frames) {
        var writer = ImageIO.getImageWritersByFormatName("gif").next();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                writer.writeToSequence(
                        new IIOImage(picture(width, height, i % 2 == 0 ? Color.BLUE : Color.RED), null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A few dozen bytes of GIF header and image descriptor declaring a huge image, and no pixel data. */
    public static byte[] gifHeaderOnly(int width, int height) {
        var b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putShort((short) width)
                .putShort((short) height)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0);
        b.putShort((short) width).putShort((short) height).put((byte) 0);
        b.put((byte) 2).put((byte) 0).put((byte) 0x3B);
        var bytes = new byte[b.position()];
        b.flip().get(bytes);
        return bytes;
    }

    /** A JPEG start, frame header (SOF0) declaring a huge image and scan header, without tables nor data. */
    public static byte[] jpegHeaderOnly(int width, int height) {
        var b = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0xFF).put((byte) 0xD8);
        b.put((byte) 0xFF).put((byte) 0xC0).putShort((short) 17).put((byte) 8);
        b.putShort((short) height).putShort((short) width).put((byte) 3);
        b.put((byte) 1).put((byte) 0x22).put((byte) 0);
        b.put((byte) 2).put((byte) 0x11).put((byte) 1);
        b.put((byte) 3).put((byte) 0x11).put((byte) 1);
        // the scan's header, without any scan data
        b.put((byte) 0xFF).put((byte) 0xDA).putShort((short) 12).put((byte) 3);
        b.put((byte) 1)
                .put((byte) 0)
                .put((byte) 2)
                .put((byte) 0x11)
                .put((byte) 3)
                .put((byte) 0x11);
        b.put((byte) 0).put((byte) 63).put((byte) 0);
        b.put((byte) 0xFF).put((byte) 0xD9);
        var bytes = new byte[b.position()];
        b.flip().get(bytes);
        return bytes;
    }
}
