package nl.luisterloket.knowledge.model;

/** How a resident reaches a service; every field may be null. */
public record Contact(String phone, String email, String website, String address, String walkIn) {

    public static final Contact NONE = new Contact(null, null, null, null, null);

    public boolean isEmpty() {
        return phone == null && email == null && website == null && address == null && walkIn == null;
    }
}
