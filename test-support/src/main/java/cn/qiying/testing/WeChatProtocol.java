package cn.qiying.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's callback signing and message encryption, written from the public protocol description
 * (not with WxJava) so that tests check the adapter independently.
 * <p>AESKey = Base64(EncodingAESKey + "="); ciphertext = Base64(AES-256-CBC(IV = AESKey[0..16),
 * random16 + len(msg) as 4 bytes big-endian + msg + appId, PKCS#7 padded to 32 bytes)).
 */
public final class WeChatProtocol {

    private static final int BLOCK = 32;

    private WeChatProtocol() {
    }

    /** SHA-1 of the lexicographically sorted parts, concatenated: {@code signature} and {@code msg_signature}. */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encrypt(String encodingAesKey, String appId, String random16, String plaintext) {
        byte[] key = aesKey(encodingAesKey);
        byte[] msg = plaintext.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(random16.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(ByteBuffer.allocate(4).putInt(msg.length).array());
        out.writeBytes(msg);
        out.writeBytes(appId.getBytes(StandardCharsets.UTF_8));
        int pad = BLOCK - out.size() % BLOCK;
        for (int i = 0; i < pad; i++) {
            out.write(pad);
        }
        return Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, key, out.toByteArray()));
    }

    /** Decrypts and returns the message and the appId it carried. */
    public static Decrypted decrypt(String encodingAesKey, String ciphertext) {
        byte[] plain = aes(Cipher.DECRYPT_MODE, aesKey(encodingAesKey), Base64.getDecoder().decode(ciphertext));
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK) {
            throw new IllegalArgumentException("bad PKCS#7 padding");
        }
        byte[] unpadded = Arrays.copyOfRange(plain, 0, plain.length - pad);
        int length = ByteBuffer.wrap(unpadded, 16, 4).getInt();
        String message = new String(unpadded, 20, length, StandardCharsets.UTF_8);
        String appId = new String(unpadded, 20 + length, unpadded.length - 20 - length, StandardCharsets.UTF_8);
        return new Decrypted(message, appId);
    }

    public record Decrypted(String message, String appId) {
    }

    private static byte[] aesKey(String encodingAesKey) {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        if (key.length != 32) {
            throw new IllegalArgumentException("EncodingAESKey must be 43 characters");
        }
        return key;
    }

    private static byte[] aes(int mode, byte[] key, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
