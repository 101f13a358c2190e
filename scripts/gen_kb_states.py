#!/usr/bin/env python3
"""Writes data/kb/states.textproto: the 193 UN member states, the two UN
observer states (PS, VA) and TW, XK, HK, MO.

Codes and official long names come from the Debian package iso-codes
(/usr/share/iso-codes/json/iso_3166-1.json); the short names as the press
writes them, aliases, demonyms, capitals and metonyms are the hand-written
TABLE below. Edit the table, not the generated file, then run:

    python3 scripts/gen_kb_states.py [--iso PATH] [--out data/kb/states.textproto]
        [--cameo-out data/kb/cameo_countries.tsv]

It also writes data/kb/cameo_countries.tsv, the ISO alpha-3 -> alpha-2 table
that KnowledgeBase::AddCameoDictionary() uses to read the country part of
CAMEO actor codes (USAGOV -> US), for the states above, plus CAMEO_EXTRA:
the few CAMEO country codes that are not ISO alpha-3.

A string (name, alias, demonym, metonym) may belong to one state only, so
ambiguous ones ("Congo", "Congolese", "Korean") are left out on purpose.
"""
import argparse
import json
import sys

# CODE | short name | aliases ; ... | demonyms ; ... | capital | metonyms ; ...
# The capital is also a metonym (Beijing = the Chinese government) unless the
# metonyms field starts with "!" (a capital that is also the state's name, or
# an everyday word); an empty capital means none.
TABLE = r"""
AD|Andorra||Andorran;Andorrans|Andorra la Vella|
AE|United Arab Emirates|UAE;the UAE;U.A.E.;the Emirates;the United Arab Emirates|Emirati;Emiratis|Abu Dhabi|
AF|Afghanistan|Islamic Emirate of Afghanistan|Afghan;Afghans|Kabul|
AG|Antigua and Barbuda|Antigua|Antiguan;Antiguans|St. John's|!
AL|Albania||Albanian;Albanians|Tirana|
AM|Armenia||Armenian;Armenians|Yerevan|
AO|Angola||Angolan;Angolans|Luanda|
AR|Argentina||Argentine;Argentines;Argentinian;Argentinians|Buenos Aires|the Casa Rosada
AT|Austria||Austrian;Austrians|Vienna|
AU|Australia|Commonwealth of Australia|Australian;Australians|Canberra|
AZ|Azerbaijan||Azerbaijani;Azerbaijanis;Azeri;Azeris|Baku|
BA|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina|Bosnian;Bosnians|Sarajevo|
BB|Barbados||Barbadian;Barbadians|Bridgetown|
BD|Bangladesh||Bangladeshi;Bangladeshis|Dhaka|
BE|Belgium||Belgian;Belgians|Brussels|!
BF|Burkina Faso|Burkina|Burkinabe;Burkinabé|Ouagadougou|
BG|Bulgaria||Bulgarian;Bulgarians|Sofia|
BH|Bahrain||Bahraini;Bahrainis|Manama|
BI|Burundi||Burundian;Burundians|Gitega|
BJ|Benin||Beninese|Porto-Novo|
BN|Brunei|Brunei Darussalam;Nation of Brunei|Bruneian;Bruneians|Bandar Seri Begawan|
BO|Bolivia||Bolivian;Bolivians|Sucre|La Paz
BR|Brazil||Brazilian;Brazilians|Brasília|Brasilia;Planalto
BS|Bahamas|the Bahamas|Bahamian;Bahamians|Nassau|
BT|Bhutan||Bhutanese|Thimphu|
BW|Botswana||Motswana;Batswana|Gaborone|
BY|Belarus|Byelorussia|Belarusian;Belarusians|Minsk|
BZ|Belize||Belizean;Belizeans|Belmopan|
CA|Canada||Canadian;Canadians|Ottawa|
CD|DR Congo|DRC;the DRC;Democratic Republic of the Congo;the Democratic Republic of the Congo;Democratic Republic of Congo;the Democratic Republic of Congo;Congo-Kinshasa||Kinshasa|
CF|Central African Republic|the Central African Republic;CAR|Central African;Central Africans|Bangui|
CG|Republic of the Congo|Congo-Brazzaville;Republic of Congo;the Republic of the Congo||Brazzaville|
CH|Switzerland||Swiss|Bern|
CI|Ivory Coast|Côte d'Ivoire;Cote d'Ivoire;Côte d’Ivoire|Ivorian;Ivorians|Yamoussoukro|Abidjan
CL|Chile||Chilean;Chileans|Santiago|!
CM|Cameroon||Cameroonian;Cameroonians|Yaoundé|Yaounde
CN|China|PRC;the PRC;P.R.C.;People's Republic of China;the People's Republic of China;People’s Republic of China;the People’s Republic of China;mainland China|Chinese|Beijing|Zhongnanhai
CO|Colombia||Colombian;Colombians|Bogotá|Bogota
CR|Costa Rica||Costa Rican;Costa Ricans|San José|!
CU|Cuba||Cuban;Cubans|Havana|
CV|Cape Verde|Cabo Verde|Cape Verdean;Cape Verdeans;Cabo Verdean;Cabo Verdeans|Praia|
CY|Cyprus||Cypriot;Cypriots|Nicosia|
CZ|Czech Republic|Czechia;the Czech Republic|Czech;Czechs|Prague|
DE|Germany|FRG|German;Germans|Berlin|the Chancellery
DJ|Djibouti||Djiboutian;Djiboutians|Djibouti|!
DK|Denmark||Danish;Danes|Copenhagen|
DM|Dominica|||Roseau|
DO|Dominican Republic|the Dominican Republic|Dominican;Dominicans|Santo Domingo|
DZ|Algeria||Algerian;Algerians|Algiers|
EC|Ecuador||Ecuadorian;Ecuadorians;Ecuadorean;Ecuadoreans|Quito|
EE|Estonia||Estonian;Estonians|Tallinn|
EG|Egypt||Egyptian;Egyptians|Cairo|
ER|Eritrea||Eritrean;Eritreans|Asmara|
ES|Spain||Spanish;Spaniards|Madrid|the Moncloa
ET|Ethiopia||Ethiopian;Ethiopians|Addis Ababa|
FI|Finland||Finnish;Finns|Helsinki|
FJ|Fiji||Fijian;Fijians|Suva|
FM|Micronesia|Federated States of Micronesia;the Federated States of Micronesia|Micronesian;Micronesians|Palikir|
FR|France||French|Paris|the Elysée;the Élysée;the Elysee;the Élysée Palace;the Elysée Palace;Quai d'Orsay;the Quai d'Orsay
GA|Gabon||Gabonese|Libreville|
GB|United Kingdom|UK;U.K.;the UK;the U.K.;Britain;Great Britain;the United Kingdom;United Kingdom of Great Britain and Northern Ireland;the United Kingdom of Great Britain and Northern Ireland|British;Britons;Briton;Brits|London|Downing Street;Number 10;No 10;No. 10;Whitehall
GD|Grenada||Grenadian;Grenadians|St. George's|
GE|Georgia||Georgian;Georgians|Tbilisi|
GH|Ghana||Ghanaian;Ghanaians|Accra|
GM|Gambia|the Gambia;The Gambia|Gambian;Gambians|Banjul|
GN|Guinea|Guinea-Conakry|Guinean;Guineans|Conakry|
GQ|Equatorial Guinea||Equatorial Guinean;Equatorial Guineans;Equatoguinean;Equatoguineans|Malabo|
GR|Greece||Greek;Greeks|Athens|
GT|Guatemala||Guatemalan;Guatemalans|Guatemala City|
GW|Guinea-Bissau||Bissau-Guinean;Bissau-Guineans|Bissau|
GY|Guyana||Guyanese|Georgetown|
HK|Hong Kong|Hong Kong SAR;HKSAR;Hong Kong Special Administrative Region|Hong Konger;Hong Kongers;Hongkonger;Hongkongers||
HN|Honduras||Honduran;Hondurans|Tegucigalpa|
HR|Croatia||Croatian;Croatians;Croat;Croats|Zagreb|
HT|Haiti||Haitian;Haitians|Port-au-Prince|
HU|Hungary||Hungarian;Hungarians|Budapest|
ID|Indonesia||Indonesian;Indonesians|Jakarta|
IE|Ireland|Republic of Ireland;Éire;Eire|Irish|Dublin|
IL|Israel|State of Israel|Israeli;Israelis|Jerusalem|
IN|India|Republic of India;Bharat|Indian;Indians|New Delhi|
IQ|Iraq||Iraqi;Iraqis|Baghdad|
IR|Iran|Islamic Republic of Iran;the Islamic Republic of Iran;Persia|Iranian;Iranians|Tehran|
IS|Iceland||Icelandic;Icelanders|Reykjavík|Reykjavik
IT|Italy||Italian;Italians|Rome|Palazzo Chigi
JM|Jamaica||Jamaican;Jamaicans|Kingston|
JO|Jordan||Jordanian;Jordanians|Amman|
JP|Japan||Japanese|Tokyo|
KE|Kenya||Kenyan;Kenyans|Nairobi|
KG|Kyrgyzstan|Kyrgyz Republic;Kirghizia|Kyrgyz;Kyrgyzstani;Kyrgyzstanis|Bishkek|
KH|Cambodia||Cambodian;Cambodians|Phnom Penh|
KI|Kiribati||I-Kiribati|Tarawa|
KM|Comoros|the Comoros|Comorian;Comorians|Moroni|!
KN|Saint Kitts and Nevis|St. Kitts and Nevis;St Kitts and Nevis|Kittitian;Kittitians;Nevisian;Nevisians|Basseterre|
KP|North Korea|DPRK;the DPRK;D.P.R.K.;Democratic People's Republic of Korea;the Democratic People's Republic of Korea;Democratic People’s Republic of Korea|North Korean;North Koreans|Pyongyang|
KR|South Korea|ROK;the ROK;R.O.K.;Republic of Korea;the Republic of Korea|South Korean;South Koreans|Seoul|the Blue House;Yongsan
KW|Kuwait||Kuwaiti;Kuwaitis|Kuwait City|
KZ|Kazakhstan||Kazakh;Kazakhs;Kazakhstani;Kazakhstanis|Astana|Nur-Sultan;Akorda
LA|Laos|Lao PDR;Lao People's Democratic Republic|Lao;Laotian;Laotians|Vientiane|
LB|Lebanon||Lebanese|Beirut|
LC|Saint Lucia|St. Lucia;St Lucia|Saint Lucian;Saint Lucians|Castries|
LI|Liechtenstein||Liechtensteiner;Liechtensteiners|Vaduz|
LK|Sri Lanka|Ceylon|Sri Lankan;Sri Lankans|Sri Jayawardenepura Kotte|Colombo
LR|Liberia||Liberian;Liberians|Monrovia|
LS|Lesotho||Basotho;Mosotho|Maseru|
LT|Lithuania||Lithuanian;Lithuanians|Vilnius|
LU|Luxembourg|Grand Duchy of Luxembourg|Luxembourgish;Luxembourger;Luxembourgers|Luxembourg|!
LV|Latvia||Latvian;Latvians|Riga|
LY|Libya||Libyan;Libyans|Tripoli|
MA|Morocco||Moroccan;Moroccans|Rabat|
MC|Monaco||Monégasque;Monegasque;Monégasques;Monegasques|Monaco|!
MD|Moldova|Republic of Moldova|Moldovan;Moldovans|Chișinău|Chisinau;Kishinev
ME|Montenegro||Montenegrin;Montenegrins|Podgorica|
MG|Madagascar||Malagasy|Antananarivo|
MH|Marshall Islands|the Marshall Islands|Marshallese|Majuro|
MK|North Macedonia||North Macedonian;North Macedonians|Skopje|
ML|Mali||Malian;Malians|Bamako|
MM|Myanmar|Burma|Burmese|Naypyidaw|Naypyitaw;Nay Pyi Taw
MN|Mongolia||Mongolian;Mongolians|Ulaanbaatar|Ulan Bator
MO|Macau|Macao;Macao SAR;Macau SAR;Macao Special Administrative Region|Macanese||
MR|Mauritania||Mauritanian;Mauritanians|Nouakchott|
MT|Malta||Maltese|Valletta|
MU|Mauritius||Mauritian;Mauritians|Port Louis|
MV|Maldives|the Maldives|Maldivian;Maldivians|Malé|!
MW|Malawi||Malawian;Malawians|Lilongwe|
MX|Mexico|United Mexican States|Mexican;Mexicans|Mexico City|
MY|Malaysia||Malaysian;Malaysians|Kuala Lumpur|Putrajaya
MZ|Mozambique||Mozambican;Mozambicans|Maputo|
NA|Namibia||Namibian;Namibians|Windhoek|
NE|Niger|the Niger|Nigerien;Nigeriens|Niamey|
NG|Nigeria||Nigerian;Nigerians|Abuja|
NI|Nicaragua||Nicaraguan;Nicaraguans|Managua|
NL|Netherlands|the Netherlands;Holland|Dutch|Amsterdam|!
NO|Norway||Norwegian;Norwegians|Oslo|
NP|Nepal||Nepali;Nepalis;Nepalese|Kathmandu|
NR|Nauru||Nauruan;Nauruans|Yaren|
NZ|New Zealand||New Zealander;New Zealanders|Wellington|
OM|Oman||Omani;Omanis|Muscat|
PA|Panama||Panamanian;Panamanians|Panama City|
PE|Peru||Peruvian;Peruvians|Lima|
PG|Papua New Guinea|PNG|Papua New Guinean;Papua New Guineans|Port Moresby|
PH|Philippines|the Philippines;Republic of the Philippines|Philippine;Filipino;Filipinos;Filipina|Manila|Malacañang;Malacanang
PK|Pakistan||Pakistani;Pakistanis|Islamabad|
PL|Poland||Polish;Poles|Warsaw|
PS|Palestine|State of Palestine;the State of Palestine;Palestinian territories;the Palestinian territories;Palestinian Authority;the Palestinian Authority|Palestinian;Palestinians|Ramallah|
PT|Portugal||Portuguese|Lisbon|
PW|Palau||Palauan;Palauans|Ngerulmud|
PY|Paraguay||Paraguayan;Paraguayans|Asunción|Asuncion
QA|Qatar||Qatari;Qataris|Doha|
RO|Romania||Romanian;Romanians|Bucharest|
RS|Serbia||Serbian;Serbians;Serb;Serbs|Belgrade|
RU|Russia|Russian Federation;the Russian Federation|Russian;Russians|Moscow|the Kremlin;Kremlin
RW|Rwanda||Rwandan;Rwandans|Kigali|
SA|Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi;Saudis;Saudi Arabian;Saudi Arabians|Riyadh|
SB|Solomon Islands|the Solomon Islands;Solomons|Solomon Islander;Solomon Islanders|Honiara|
SC|Seychelles||Seychellois|Victoria|!
SD|Sudan|the Sudan|Sudanese|Khartoum|
SE|Sweden||Swedish;Swedes|Stockholm|
SG|Singapore||Singaporean;Singaporeans|Singapore|!
SI|Slovenia||Slovenian;Slovenians;Slovene;Slovenes|Ljubljana|
SK|Slovakia|Slovak Republic|Slovak;Slovaks;Slovakian|Bratislava|
SL|Sierra Leone||Sierra Leonean;Sierra Leoneans|Freetown|
SM|San Marino||Sammarinese|San Marino|!
SN|Senegal||Senegalese|Dakar|
SO|Somalia||Somali;Somalis|Mogadishu|
SR|Suriname|Surinam|Surinamese|Paramaribo|
SS|South Sudan||South Sudanese|Juba|
ST|São Tomé and Príncipe|Sao Tome and Principe|Santomean;Santomeans|São Tomé|Sao Tome
SV|El Salvador||Salvadoran;Salvadorans;Salvadorean|San Salvador|
SY|Syria|Syrian Arab Republic;the Syrian Arab Republic|Syrian;Syrians|Damascus|
SZ|Eswatini|Swaziland|Swazi;Swazis;Emaswati|Mbabane|
TD|Chad||Chadian;Chadians|N'Djamena|Ndjamena
TG|Togo||Togolese|Lomé|Lome
TH|Thailand||Thai;Thais|Bangkok|
TJ|Tajikistan||Tajik;Tajiks;Tajikistani|Dushanbe|
TL|Timor-Leste|East Timor;Timor Leste|Timorese|Dili|
TM|Turkmenistan||Turkmen|Ashgabat|
TN|Tunisia||Tunisian;Tunisians|Tunis|
TO|Tonga||Tongan;Tongans|Nukuʻalofa|Nuku'alofa
TR|Turkey|Türkiye;Turkiye;Republic of Türkiye;Republic of Turkey|Turkish;Turks|Ankara|
TT|Trinidad and Tobago|Trinidad|Trinidadian;Trinidadians;Tobagonian|Port of Spain|
TV|Tuvalu||Tuvaluan;Tuvaluans|Funafuti|
TW|Taiwan|Republic of China;ROC;the ROC;R.O.C.;Republic of China (Taiwan);Chinese Taipei|Taiwanese|Taipei|
TZ|Tanzania|United Republic of Tanzania|Tanzanian;Tanzanians|Dodoma|Dar es Salaam
UA|Ukraine|the Ukraine|Ukrainian;Ukrainians|Kyiv|Kiev;Bankova
UG|Uganda||Ugandan;Ugandans|Kampala|
US|United States|US;U.S.;USA;U.S.A.;the US;the U.S.;the USA;the United States;United States of America;the United States of America;America|American;Americans|Washington, D.C.|Washington;Washington DC;the White House;the Pentagon
UY|Uruguay||Uruguayan;Uruguayans|Montevideo|
UZ|Uzbekistan||Uzbek;Uzbeks;Uzbekistani|Tashkent|
VA|Holy See|the Holy See;Vatican;the Vatican;Vatican City;Vatican City State|Vatican|Vatican City|!
VC|Saint Vincent and the Grenadines|St. Vincent and the Grenadines;St Vincent and the Grenadines;Saint Vincent|Vincentian;Vincentians|Kingstown|
VE|Venezuela||Venezuelan;Venezuelans|Caracas|Miraflores
VN|Vietnam|Viet Nam|Vietnamese|Hanoi|
VU|Vanuatu||Ni-Vanuatu|Port Vila|
WS|Samoa||Samoan;Samoans|Apia|
XK|Kosovo|Republic of Kosovo|Kosovar;Kosovars;Kosovan;Kosovans|Pristina|Prishtina
YE|Yemen||Yemeni;Yemenis|Sanaa|Sana'a
ZA|South Africa||South African;South Africans|Pretoria|Union Buildings
ZM|Zambia||Zambian;Zambians|Lusaka|
ZW|Zimbabwe||Zimbabwean;Zimbabweans|Harare|
"""

# The 193 UN member states; the rest of TABLE is PS, VA, TW, XK, HK, MO.
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG
BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG
SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID
IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW
MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO
OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG
SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA
AE GB US UY UZ VU VE VN YE ZM ZW
""".split()
OTHERS = ["PS", "VA", "TW", "XK", "HK", "MO"]

# Official names from iso-codes that are wrong or unidiomatic as aliases.
SKIP_ISO = {"Taiwan, Province of China", "Holy See (Vatican City State)"}


# CAMEO country codes that differ from ISO 3166-1 alpha-3 (old or
# non-ISO codes used by the CAMEO / TABARI / PETRARCH dictionaries).
CAMEO_EXTRA = {
    "KSV": "XK",  # Kosovo (no ISO code)
    "ROM": "RO",  # Romania, pre-2002 ISO code
    "TMP": "TL",  # East Timor, pre-2002 ISO code
    "ZAR": "CD",  # Zaire
    "BUR": "MM",  # Burma
}


def split(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quote_list(items):
    return "[" + ", ".join(quote(s) for s in items) + "]"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--out", default="data/kb/states.textproto")
    ap.add_argument("--cameo-out", default="data/kb/cameo_countries.tsv")
    args = ap.parse_args()

    iso = {e["alpha_2"]: e for e in json.load(open(args.iso, encoding="utf-8"))["3166-1"]}
    rows = {}
    for line in TABLE.strip().splitlines():
        parts = line.split("|")
        if len(parts) != 6:
            sys.exit(f"bad row ({len(parts)} fields): {line}")
        code, name, aliases, demonyms, capital, metonyms = parts
        if code in rows:
            sys.exit(f"duplicate row {code}")
        rows[code] = (name, split(aliases), split(demonyms), capital.strip(), metonyms)

    wanted = UN_MEMBERS + OTHERS
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193, len(UN_MEMBERS)
    missing = [c for c in wanted if c not in rows]
    extra = [c for c in rows if c not in wanted]
    if missing or extra:
        sys.exit(f"missing rows {missing}, unexpected rows {extra}")

    seen = {}
    out = [
        "# States for the newsgraph knowledge base (pb.KnowledgeBase, text format).",
        "# GENERATED by scripts/gen_kb_states.py: edit its TABLE and rerun.",
        "# Codes and official long names: Debian iso-codes (ISO 3166-1); short",
        "# names, aliases, demonyms, capitals and metonyms: written by hand.",
        "# 193 UN members, observers PS and VA, and TW, XK, HK, MO.",
        "",
    ]
    for code in sorted(wanted):
        name, aliases, demonyms, capital, metonyms = rows[code]
        entry = iso.get(code, {})
        for extra_name in (entry.get("official_name", ""), entry.get("name", ""),
                           entry.get("common_name", "")):
            extra_name = extra_name.removeprefix("the ")
            if (extra_name and "," not in extra_name and extra_name not in SKIP_ISO
                    and extra_name != name and extra_name not in aliases):
                aliases.append(extra_name)
        mets = split(metonyms.lstrip("!"))
        if capital and not metonyms.startswith("!") and capital not in mets:
            mets.insert(0, capital)
        for s in [name] + aliases + demonyms + mets:
            if s in seen and seen[s] != code:
                sys.exit(f"{s!r} belongs to both {seen[s]} and {code}")
            seen[s] = code
        out.append("states {")
        out.append(f"  code: {quote(code)}")
        out.append(f"  name: {quote(name)}")
        if aliases:
            out.append(f"  aliases: {quote_list(aliases)}")
        if demonyms:
            out.append(f"  demonyms: {quote_list(demonyms)}")
        if capital:
            out.append(f"  capital: {quote(capital)}")
        if mets:
            out.append(f"  metonyms: {quote_list(mets)}")
        out.append("}")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {len(wanted)} states to {args.out}")

    alpha3 = {}
    for code in wanted:
        if code in iso and "alpha_3" in iso[code]:
            alpha3[iso[code]["alpha_3"]] = code
    for a3, code in CAMEO_EXTRA.items():
        if code not in wanted:
            sys.exit(f"CAMEO_EXTRA {a3} names unknown state {code}")
        if alpha3.get(a3, code) != code:
            sys.exit(f"CAMEO_EXTRA {a3} clashes with ISO {alpha3[a3]}")
        alpha3[a3] = code
    with open(args.cameo_out, "w", encoding="utf-8") as f:
        f.write("# CAMEO country code (ISO 3166-1 alpha-3) -> KB state code (alpha-2).\n")
        f.write("# GENERATED by scripts/gen_kb_states.py from Debian iso-codes; do not edit.\n")
        for a3 in sorted(alpha3):
            f.write(f"{a3}\t{alpha3[a3]}\n")
    print(f"wrote {len(alpha3)} country codes to {args.cameo_out}")


if __name__ == "__main__":
    main()
