package igf

import (
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// Real pages from intgovforum.org, 2019–2025, as the search corpus stored
// them (testdata/SOURCES): seven session types (workshop, networking,
// dynamic coalition, day 0, open forum, lightning talk, town hall) and all
// seven years.
var realPages = []want{{
	file: "igf-2019-ws289.txt", guid: "IGF 2019 WS #289", number: "WS #289",
	title:  "Development of Technical Internet Policies and Social Values",
	format: "Birds of a Feather - Auditorium", planned: 60 * time.Minute,
	people: []agenda.Person{
		person(org, "Constanze Buerger", "Federal Ministry of the Interior Germany", 0, 0),
		person(org, "Matt Miller", "Bloomberg TV", 0, 0),
		person(org, "Michael J. Oghia", "", 0, 0),
		person(org, "Tahar Schaa", "German Ministry of Interior", 0, 0),
		person(spk, "Constanze Buerger", "", gov, weog),
		person(spk, "jin yan", "", priv, weog),
		person(spk, "Tahar Schaa", "", gov, weog),
	},
	// The page runs its questions together without dashes: one entry.
	questions: []string{"Which cultural values are defining your internet usage? What role do Internet protocols play in the fight against cyber attacks? What role should different stakeholders play in cybersecurity capacity building approaches? Trust and Accountability: How can trust and accountability be restored? How can globally accepted standards be developed?"},
	descStart: "Internet defines todays life in every level.\nCountries are",
	notes:     []string{"Relevance to Theme", "Relevance to Internet Governance"},
}, {
	// The IGF site's page of the reference session: organisers by group
	// and region only, no moderator, online moderator or rapporteur.
	file: "igf-2020-ws234-site.txt", guid: "IGF 2020 WS #234", number: "WS #234",
	title: "Security of digital products: Industry and enhancing trust",
	start: utc(2020, 11, 11, 11, 20), end: utc(2020, 11, 11, 12, 20), room: "Room 3",
	format: "Round Table - Circle", planned: 90 * time.Minute, online: 60 * time.Minute,
	abstractStart: "Building on the Geneva Dialogue on Responsible Behavior in Cyberspace - a project",
	people: []agenda.Person{
		person(org, "", "", gov, weog),
		person(org, "", "", priv, eeg),
		person(org, "", "", cs, eeg),
		person(org, "", "", cs, agenda.RegionGRULAC),
		person(org, "", "", cs, weog),
		person(spk, "Jon Albert Fanzun", "", gov, weog),
		person(spk, "Barrack Otieno", "", agenda.GroupTechnicalCommunity, agenda.RegionAfrican),
		person(spk, "Anastasiya Kazakova", "", priv, eeg),
		person(spk, "Sebastian Stranieri", "", priv, agenda.RegionGRULAC),
		person(spk, "David Koh", "", gov, apac),
	},
	questions: []string{
		"Why is the topic of secure digital products getting higher on the policy (and political) agenda? How is trust in cyberspace influenced by the security of digital products?",
		// A dash inside a question does not split it.
		"What are the guiding principles for resilience and security of products? How to connect international debates with corporate best practices – and allowing one to feed to another?",
		"Why are the national foreign policies on cyber issues relevant for reducing vulnerabilities in cyberspace? How can governments work with industry on implementing security-by-design?",
		"What", // the stored copy ends there
	},
}, {
	file: "igf-2021-networking73.txt", guid: "IGF 2021 NETWORKING #73", number: "Networking #73",
	title: "Connecting Democracy and Internet Governance Advocates",
	start: utc(2021, 12, 7, 11, 45), end: utc(2021, 12, 7, 12, 45), room: "Ballroom B",
	people: []agenda.Person{person(mod, "Daniel O'Maley", "", 0, 0), person(omod, "Morgran Frost", "", 0, 0)},
	// The stored copy lost the Organizers, Speakers, Rapporteur and
	// Description headings: that text is kept, never given a role.
	descStart: "Open Internet for Democracy Initiative",
	lost:      []string{"Sarah Moulton, National Democratic Institute", "\n\nSarah Moulton\n\n", "speed dating", "The purpose of this networking session"},
	warnings:  5,
}, {
	// An open forum whose copy lost every heading after the format line:
	// description, organisers and speakers are kept, never given a role.
	file: "igf-2021-of62.txt", guid: "IGF 2021 OPEN FORUM #62", number: "Open Forum #62",
	title: "EU Delegation to the IGF & the Youth IGF",
	start: utc(2021, 12, 7, 12, 45), end: utc(2021, 12, 7, 13, 45), room: "Conference Room 7",
	format: "Round Table - U-shape", planned: 60 * time.Minute,
	descStart: "We will discuss how the young and the Youth IGF Leaders",
	lost:      []string{"\n\nEuropean Commission\n\n", "Mr Vinton G. Cerf, Known as Father of the Internet", "DG Connect, European C"},
	warnings:  9,
}, {
	file: "igf-2022-dc-environment.txt", guid: "IGF 2022 DC-ENVIRONMENT", number: "DC-Environment",
	title:  "Internet & the Environment: Beyond Connectivity",
	format: "Round Table - U-shape", planned: 90 * time.Minute,
	people:    []agenda.Person{person(mod, "Michael J. Oghia", "", 0, 0), person(omod, "Rainer M. Krug", "", 0, 0)},
	goals:     []int{3, 4, 7, 9, 11, 12, 13, 14, 15, 16},
	descStart: "Our session, which will constitute the first meeting of the DCE",
	notes:     []string{"Targets"},
	lost:      []string{"Rajendra Pratap Gupta, DC-Jobs, Technical Community, APAC", "\n\nMinda Moreira"},
	warnings:  9,
}, {
	file: "igf-2023-day0-95.txt", guid: "IGF 2023 DAY 0 EVENT #95", number: "Day 0 Event #95",
	title: "Internet Society’s Collaborative Leadership Exchange (CLX)",
	start: utc(2023, 10, 8, 0, 0), end: utc(2023, 10, 8, 3, 0), room: "WS 5 – Room B-2",
	people:    []agenda.Person{person(mod, "Nicolas Fiumarelli", "", 0, 0), person(omod, "Mauricia Abdol Tshilunda", "", 0, 0)},
	goals:     []int{9, 11, 17},
	descStart: "Digital Divides & Inclusion",
	notes:     []string{"Targets"},
	lost:      []string{"Internet Society", "Saba Tiku - ITU Africa", "\n\nAthanase Bahizire"},
	warnings:  8,
}, {
	file: "igf-2024-of27.txt", guid: "IGF 2024 OPEN FORUM #27", number: "Open Forum #27",
	title:  "Review of IGF2023 Kyoto and road for WSIS+20",
	format: "Theater", planned: 60 * time.Minute,
	people: []agenda.Person{
		person(org, "Ministry of Internal Affairs and Communications", "Ministry of Internal Affairs and Communications, Japan", gov, apac),
		person(spk, "", "Ministry of Internal Affairs and Communicat", 0, 0), // the stored copy ends there
	},
	descStart: "The IGF Kyoto 2023 meeting was one of the most successful",
	notes:     []string{"Format description"},
	lost:      []string{"Moderator and Organizer: Yoichi Iida (main)"},
	warnings:  1,
}, {
	file: "igf-2024-lt102.txt", guid: "IGF 2024 LIGHTNING TALK #102", number: "Lightning Talk #102",
	title:     "Full-speed into divided future",
	people:    []agenda.Person{person(mod, "Lev Shadrin", "Netcomm Global", cs, apac)},
	descStart: "Netcomm Global\n\nLev Shadrin",
	notes:     []string{"Targets"},
	lost:      []string{"Timofey V, head of strategic development", "10 minute presentation", "This lightning talk will explore"},
	warnings:  7,
}, {
	file: "igf-2025-of31.txt", guid: "IGF 2025 OPEN FORUM #31", number: "Open Forum #31",
	title:  "Enhancing the role of the IGF through GDC follow-up and WSIS",
	format: "Theater", planned: 60 * time.Minute,
	people: []agenda.Person{
		// 2025 copies run a person's fields together on one line.
		person(org, "Ministry of Internal Affairs and Communications in Japan", "Ministry of Internal Affairs and Communications, Japan", gov, apac),
		person(spk, "", "Ministry of Internal Affairs and Communications, Japan", 0, 0),
	},
	descStart: "In the GDC outcome, the IGF was positioned",
	notes:     []string{"Format description"},
	lost:      []string{"Moderator and Organizer: Yoichi Iida (main), Satoka Kawahara (sub)"},
	warnings:  1,
}, {
	// The format line without a room layout ("Round Table - 90 Min");
	// the Description heading was lost, so its paragraphs are kept.
	file: "igf-2023-townhall93.txt", guid: "IGF 2023 TOWN HALL #93", number: "Town Hall #93",
	title:  "EuroDIG - APrIGF exchange: Highlighting regional priorities",
	format: "Round Table", planned: 90 * time.Minute,
	descStart: "The rapidly changing Internet and digital technology landscape",
	lost:      []string{"As an attempt to foster", "Speakers can be both an online", "during and/or after the sessio"},
	warnings:  7,
}, {
	file: "igf-2023-townhall25.txt", guid: "IGF 2023 TOWN HALL #25", number: "Town Hall #25",
	title: "Let’s design the next Global Dialogue on Ai & Metaverses",
	start: utc(2023, 10, 10, 3, 0), end: utc(2023, 10, 10, 4, 0), room: "WS 9 – Room C-2",
	format: "Break-out Group Discussions", planned: 60 * time.Minute,
	// The subthemes lost their heading: kept, never read as a room or format.
	descStart: "Blockchain, Digital Assets & Web 3-based Ecosystems\n\nFuture & Sustainable Work",
	lost:      []string{"We invite you to be part of a cocreation moment", "1)During the hybrid session"},
	warnings:  4,
}}
