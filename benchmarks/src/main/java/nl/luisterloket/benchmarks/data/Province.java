package nl.luisterloket.benchmarks.data;

import java.util.ArrayList;
import java.util.List;

/** An invented province: towns, each with its neighbourhoods, where synthetic services are located. */
public record Province(List<Town> towns) {

    private static final List<String> TOWN_NAMES = List.of("Lindestad", "Beekdorp", "Heemveen", "Oosterwaard",
            "Kraaienburg", "Zandhoven", "Nieuwe Schans", "Molenrade", "Wilgendaal", "Ter Aa", "Polderstad", "Eikenrode",
            "Vlietburg", "Hoogmeer", "Dijkhuizen", "Sint Aldegonde", "Bremveld", "Kanaaldorp", "Veenhage", "Lindenholt",
            "Westerbroek", "Ruisdal", "Zuiderlo", "Heidedorp", "Brugwaarde", "Groenkerk", "Weidestein", "Vossenberg",
            "Haverland", "Meerzicht");
    private static final List<String> QUARTERS = List.of("Centrum", "Noord", "Oost", "Zuid", "West", "Oude Haven",
            "Stationsbuurt", "Vogelwijk", "Molenkwartier", "Kanaalzijde", "Rozendaal", "Bosrand", "Bloemhof",
            "Schildersbuurt");

    public Province {
        towns = List.copyOf(towns);
    }

    /** Thirty towns of eight to fourteen neighbourhoods each. */
    public static Province invented() {
        List<Town> towns = new ArrayList<>();
        for (int i = 0; i < TOWN_NAMES.size(); i++) {
            String town = TOWN_NAMES.get(i);
            int quarters = 8 + (i * 5) % 7;
            List<String> neighbourhoods = new ArrayList<>();
            for (int q = 0; q < quarters; q++) {
                String quarter = QUARTERS.get((i + q) % QUARTERS.size());
                neighbourhoods.add(i == 0 ? quarter : town + " " + quarter);
            }
            towns.add(new Town(town, neighbourhoods));
        }
        return new Province(towns);
    }

    /** Every neighbourhood of every town. */
    public List<String> neighbourhoods() {
        return towns.stream().flatMap(town -> town.neighbourhoods().stream()).toList();
    }

    public record Town(String name, List<String> neighbourhoods) {

        public Town {
            neighbourhoods = List.copyOf(neighbourhoods);
        }
    }
}
