/**
 * The words of the demo: a creative/advertising agency's skills, teams, strategy, clients and the
 * shape of its projects. Plain data; generate.ts turns it into an organization.
 */
export const skillNames = [
  'Brand strategy',
  'Copywriting',
  'Illustration',
  'UX design',
  'Visual design',
  'Front-end',
  'Back-end',
  'Video editing',
  'Motion graphics',
  'SEO',
  'Social media',
  'Account management',
  'Project management',
  'Data analysis',
] as const;
export type SkillName = (typeof skillNames)[number];

/** The job title of someone whose main skill this is. */
export const skillTitles: Record<SkillName, string> = {
  'Brand strategy': 'Brand Strategist',
  Copywriting: 'Copywriter',
  Illustration: 'Illustrator',
  'UX design': 'UX Designer',
  'Visual design': 'Visual Designer',
  'Front-end': 'Front-end Developer',
  'Back-end': 'Back-end Developer',
  'Video editing': 'Video Editor',
  'Motion graphics': 'Motion Designer',
  SEO: 'SEO Specialist',
  'Social media': 'Social Media Manager',
  'Account management': 'Account Manager',
  'Project management': 'Project Manager',
  'Data analysis': 'Data Analyst',
};

export interface TeamDefinition {
  name: string;
  /** Share of the people (besides the owner). */
  weight: number;
  leadTitle: string;
  managerTitle: string;
  /** Main skills of the team's people (repeat one to make it likelier). */
  primary: readonly SkillName[];
  /** Skills they often have besides. */
  secondary: readonly SkillName[];
  /** Whether its people make the deliverables (candidates for the member account). */
  isProduction: boolean;
}

/** In the order teams appear as the organization grows: a small studio has the first three. */
export const teamDefinitions: readonly TeamDefinition[] = [
  {
    name: 'Delivery',
    weight: 0.13,
    leadTitle: 'Head of Delivery',
    managerTitle: 'Delivery Manager',
    primary: ['Project management'],
    secondary: ['Account management', 'Data analysis'],
    isProduction: false,
  },
  {
    name: 'Design',
    weight: 0.2,
    leadTitle: 'Design Director',
    managerTitle: 'Design Manager',
    primary: ['Visual design', 'UX design', 'Visual design', 'Illustration'],
    secondary: ['Motion graphics', 'Front-end', 'Brand strategy', 'Illustration', 'UX design'],
    isProduction: true,
  },
  {
    name: 'Development',
    weight: 0.18,
    leadTitle: 'Head of Engineering',
    managerTitle: 'Engineering Manager',
    primary: ['Front-end', 'Back-end', 'Front-end'],
    secondary: ['Data analysis', 'UX design', 'SEO', 'Back-end', 'Front-end'],
    isProduction: true,
  },
  {
    name: 'Content',
    weight: 0.14,
    leadTitle: 'Head of Content',
    managerTitle: 'Content Manager',
    primary: ['Copywriting', 'Copywriting', 'SEO', 'Social media'],
    secondary: ['Brand strategy', 'Video editing', 'Data analysis', 'Social media'],
    isProduction: true,
  },
  {
    name: 'Creative',
    weight: 0.14,
    leadTitle: 'Creative Director',
    managerTitle: 'Associate Creative Director',
    primary: ['Motion graphics', 'Video editing', 'Illustration'],
    secondary: ['Copywriting', 'Visual design', 'Brand strategy', 'Illustration'],
    isProduction: true,
  },
  {
    name: 'Strategy',
    weight: 0.09,
    leadTitle: 'Head of Strategy',
    managerTitle: 'Strategy Director',
    primary: ['Brand strategy', 'Data analysis'],
    secondary: ['SEO', 'Copywriting', 'Social media'],
    isProduction: false,
  },
  {
    name: 'Accounts',
    weight: 0.12,
    leadTitle: 'Client Services Director',
    managerTitle: 'Account Director',
    primary: ['Account management'],
    secondary: ['Project management', 'Brand strategy'],
    isProduction: false,
  },
];

export const organizationNames = [
  'Brightline Studio',
  'Kite & Compass',
  'Fieldnote Agency',
  'Paper Lantern Creative',
  'Northbound Studio',
  'Blue Hour Agency',
] as const;

export const vision =
  'Be the agency ambitious brands call first: brave work that proves its effect, made by people who ' +
  'grow faster here than anywhere else.';

export const companyValues = ['Craft', 'Candor', 'Curiosity', 'Ownership', 'Care'] as const;

export const passions = [
  'Typography',
  'Storytelling',
  'Data visualization',
  'Sustainability',
  'Mentoring',
  'Accessibility',
  'Photography',
  'Music',
  'Gaming',
  'Public speaking',
  'Open source',
  'Film',
  'Behavioural science',
  'Community building',
  'Cooking',
  'Travel',
  'Product thinking',
  'Podcasting',
  'Running',
  'Education',
  'Climate',
  'Street art',
] as const;

export const firstNames = [
  'Ana',
  'Mateus',
  'Chloé',
  'Liam',
  'Priya',
  'Kenji',
  'Amara',
  'Noah',
  'Sofia',
  'Malik',
  'Ingrid',
  'Tomás',
  'Aisha',
  'Lucas',
  'Mei',
  'Oliver',
  'Zara',
  'Diego',
  'Freya',
  'Omar',
  'Hana',
  'Elias',
  'Nadia',
  'Ravi',
  'Clara',
  'Jonas',
  'Leila',
  'Marco',
  'Yuki',
  'Sam',
  'Isla',
  'Kwame',
  'Elena',
  'Felix',
  'Rosa',
  'Arjun',
  'Maya',
  'Hugo',
  'Nora',
  'Tariq',
  'Lena',
  'Emeka',
  'Julia',
  'Viktor',
  'Inês',
  'Daniel',
  'Saoirse',
  'Pedro',
  'Anya',
  'Theo',
  'Camille',
  'Idris',
  'Lucía',
  'Bruno',
  'Alma',
  'Finn',
  'Selin',
  'Rafael',
  'Greta',
  'Kofi',
  'Esme',
  'Mateo',
  'Yara',
  'Ben',
  'Ayumi',
  'Luca',
  'Fatima',
  'Oskar',
  'Thandi',
  'Jude',
] as const;

export const lastNames = [
  'Souza',
  'Oliveira',
  'Martin',
  'Okafor',
  'Sharma',
  'Tanaka',
  'Nwosu',
  'Fischer',
  'Rossi',
  'Haddad',
  'Larsen',
  'García',
  'Khan',
  'Moreau',
  'Chen',
  'Walsh',
  'Ahmed',
  'Ruiz',
  'Lindqvist',
  'Farouk',
  'Sato',
  'Novak',
  'Petrov',
  'Iyer',
  'Becker',
  'Jansen',
  'Rahman',
  'Bianchi',
  'Kim',
  'Murphy',
  'Mensah',
  'Costa',
  'Weber',
  'Alves',
  'Gupta',
  'Dubois',
  'Kowalski',
  'Nakamura',
  'Schmidt',
  'Ortiz',
  'Mwangi',
  'Hughes',
  'Park',
  'Santos',
  'Andersson',
  'Yilmaz',
  'Fernández',
  'Lee',
  "O'Brien",
  'Adeyemi',
  'Nguyen',
  'Silva',
  'Ivanova',
  'Brennan',
  'Castro',
  'Hoffmann',
  'Mendes',
  'Akhtar',
  'Laurent',
  'Hansen',
  'Kaur',
  'Romero',
  'Vogel',
  'Zhang',
  'Baptiste',
  'Ferreira',
  'Lopez',
  'Quinn',
  'Dlamini',
  'Stewart',
] as const;

export const clientNames = [
  'Harbor Coffee Co.',
  'Northwind Logistics',
  'Fjord Outdoor',
  'Lumen Health',
  'Cedar & Stone Homes',
  'Pioneer Bank',
  'Atlas Mobility',
  'Verde Grocers',
  'Solstice Hotels',
  'Quill Publishing',
  'Tidewater Brewing',
  'Orbit Telecom',
  'Meadow Dairy',
  'Summit Insurance',
  'Nimbus Cloud',
  'Palette Paints',
  'Riverbend University',
  'Kestrel Airlines',
  'Ember Energy',
  'Maple Furniture',
  'Beacon Museum',
  'Sprout Kids',
  'Ironclad Tools',
  'Coral Cosmetics',
] as const;
/** More clients for large organizations: every prefix with every sector. */
export const clientPrefixes = [
  'Aurora',
  'Granite',
  'Willow',
  'Falcon',
  'Horizon',
  'Juniper',
  'Marigold',
  'Sterling',
  'Polaris',
  'Saffron',
  'Cobalt',
  'Oakline',
] as const;
export const clientSectors = [
  'Foods',
  'Travel',
  'Fitness',
  'Labs',
  'Media',
  'Motors',
  'Apparel',
  'Pharma',
  'Finance',
  'Games',
] as const;

export const timeOffReasons = [
  ['Vacation', 60],
  ['Conference', 12],
  ['Training', 10],
  ['Family', 10],
  ['Moving house', 4],
] as const;

export interface KeyResultContent {
  key: string;
  title: string;
  description: string;
  horizon: 'quarter' | 'year' | 'multi-year';
  isStretch?: boolean;
  /** start, target, current, unit, decimals; absent: progress comes from linked work. */
  metric?: { start: number; target: number; current: number; unit: string; decimals: number };
  /** Which figure counts; absent: the metric when there is one. 'work' for a target delivered by projects. */
  progressFrom?: 'metric' | 'work';
}
export interface ObjectiveContent {
  title: string;
  description: string;
  horizon: 'quarter' | 'year' | 'multi-year';
  isStretch: boolean;
  /** The team whose lead owns it (the owner when the organization has no such team). */
  team: string | null;
  keyResults: KeyResultContent[];
}
export interface PillarContent {
  name: string;
  description: string;
  objectives: ObjectiveContent[];
}

export const strategy: readonly PillarContent[] = [
  {
    name: 'Work that moves markets',
    description: 'Brave creative that earns attention and proves its effect.',
    objectives: [
      {
        title: 'Win recognition for breakthrough creative',
        description: 'Put our best campaigns in front of the industry and learn from the best.',
        horizon: 'year',
        isStretch: true,
        team: 'Creative',
        keyResults: [
          {
            key: 'awards-entries',
            title: 'Enter 6 campaigns in the major industry awards',
            description: 'Cannes, D&AD, One Show, Eurobest, Epica and the national awards.',
            horizon: 'year',
            metric: { start: 0, target: 6, current: 2, unit: 'entries', decimals: 0 },
          },
          {
            key: 'awards-shortlist',
            title: 'Get shortlisted in 2 major award shows',
            description: 'A shortlist is the signal clients notice.',
            horizon: 'year',
            isStretch: true,
            metric: { start: 0, target: 2, current: 0, unit: 'shortlists', decimals: 0 },
          },
        ],
      },
      {
        title: 'Prove the impact of our work',
        description: 'Every campaign is measured against a result the client cares about.',
        horizon: 'quarter',
        isStretch: false,
        team: 'Strategy',
        keyResults: [
          {
            key: 'kpi-reporting',
            title: 'Every active campaign reports on an agreed KPI',
            description: 'Share of active campaigns with an agreed KPI and a monthly readout.',
            horizon: 'quarter',
            metric: { start: 40, target: 100, current: 70, unit: '%', decimals: 0 },
          },
          {
            key: 'results-dashboard',
            title: 'Launch the client results dashboard',
            description: 'One live view of campaign results for each client.',
            horizon: 'quarter',
          },
        ],
      },
      {
        title: 'Build a digital product practice',
        description: 'Grow from campaigns into the products our clients run every day.',
        horizon: 'multi-year',
        isStretch: true,
        team: 'Development',
        keyResults: [
          {
            key: 'digital-share',
            title: 'Grow digital product work to 35% of revenue',
            description: 'Websites, apps and e-commerce as a share of fee income.',
            horizon: 'year',
            metric: { start: 15, target: 35, current: 21, unit: '%', decimals: 0 },
          },
          {
            key: 'product-engagements',
            title: 'Ship 3 product-design engagements',
            description: 'End-to-end: research, design, build and launch.',
            horizon: 'year',
            metric: { start: 0, target: 3, current: 1, unit: 'engagements', decimals: 0 },
            progressFrom: 'work',
          },
          {
            key: 'design-system',
            title: 'Stand up a reusable design-system starter kit',
            description: 'So every product project starts from tested components.',
            horizon: 'quarter',
          },
        ],
      },
    ],
  },
  {
    name: 'Clients for the long run',
    description: 'Relationships that grow because the work keeps delivering.',
    objectives: [
      {
        title: 'Grow revenue with the clients we have',
        description: 'Earn more of our best clients’ work by delivering on the last brief.',
        horizon: 'year',
        isStretch: false,
        team: 'Accounts',
        keyResults: [
          {
            key: 'top-client-revenue',
            title: 'Revenue from our top 8 clients',
            description: 'Fee income over the rolling twelve months.',
            horizon: 'year',
            metric: { start: 1200, target: 1800, current: 1420, unit: 'k€', decimals: 0 },
          },
          {
            key: 'nps',
            title: 'Raise the client net promoter score to 50',
            description: 'Measured after every project and twice a year.',
            horizon: 'year',
            metric: { start: 32, target: 50, current: 41, unit: 'NPS', decimals: 0 },
          },
        ],
      },
      {
        title: 'Win new clients in our target sectors',
        description: 'Retail, mobility and health: sectors where our work already shows results.',
        horizon: 'quarter',
        isStretch: false,
        team: null,
        keyResults: [
          {
            key: 'proposals',
            title: 'Send 12 qualified proposals',
            description: 'Qualified: budget, decision maker and timeline confirmed.',
            horizon: 'quarter',
            metric: { start: 0, target: 12, current: 7, unit: 'proposals', decimals: 0 },
          },
          {
            key: 'new-clients-won',
            title: 'Win 3 new clients',
            description: 'Signed and with a first project started.',
            horizon: 'quarter',
            isStretch: true,
            metric: { start: 0, target: 3, current: 1, unit: 'clients', decimals: 0 },
          },
          {
            key: 'pitch-refresh',
            title: 'Refresh the pitch deck and case studies',
            description: 'Show results, not only pictures.',
            horizon: 'quarter',
          },
        ],
      },
      {
        title: 'Deliver on time and on budget',
        description: 'Reliable delivery is what lets clients trust us with bigger work.',
        horizon: 'quarter',
        isStretch: false,
        team: 'Delivery',
        keyResults: [
          {
            key: 'on-time',
            title: 'Deliver 90% of projects on time',
            description: 'Delivered by the deadline agreed at kick-off.',
            horizon: 'quarter',
            metric: { start: 70, target: 90, current: 78, unit: '%', decimals: 0 },
          },
          {
            key: 'budget-overrun',
            title: 'Cut the average budget overrun to 8%',
            description: 'Logged hours beyond the budget, averaged over finished projects.',
            horizon: 'quarter',
            metric: { start: 18, target: 8, current: 13, unit: '%', decimals: 1 },
          },
        ],
      },
    ],
  },
  {
    name: 'A studio people grow in',
    description: 'Craft, growth and a pace people can sustain.',
    objectives: [
      {
        title: 'Grow every person’s craft',
        description: 'Everyone knows the next skill they are growing and gets work that grows it.',
        horizon: 'year',
        isStretch: false,
        team: 'Design',
        keyResults: [
          {
            key: 'growth-plans',
            title: 'Everyone has an active growth plan',
            description: 'Share of people with a growth plan reviewed this quarter.',
            horizon: 'year',
            metric: { start: 30, target: 100, current: 55, unit: '%', decimals: 0 },
          },
          {
            key: 'mentoring',
            title: 'Run 10 mentoring pairs',
            description: 'Across teams, meeting at least every two weeks.',
            horizon: 'year',
            metric: { start: 0, target: 10, current: 4, unit: 'pairs', decimals: 0 },
          },
        ],
      },
      {
        title: 'Keep a sustainable pace',
        description: 'Great work needs rested people.',
        horizon: 'quarter',
        isStretch: false,
        team: 'Delivery',
        keyResults: [
          {
            key: 'overtime',
            title: 'Bring average weekly overtime down to 2 hours',
            description: 'Logged hours beyond capacity, averaged per person.',
            horizon: 'quarter',
            metric: { start: 6, target: 2, current: 4.5, unit: 'h/week', decimals: 1 },
          },
          {
            key: 'pulse-energy',
            title: 'Raise the pulse energy score to 4.0',
            description: 'From the fortnightly pulse, on a 1–5 scale.',
            horizon: 'quarter',
            metric: { start: 3.2, target: 4, current: 3.6, unit: 'score', decimals: 1 },
          },
        ],
      },
      {
        title: 'Grow leaders from within',
        description: 'A leader doesn’t need a title: we spot and grow them early.',
        horizon: 'multi-year',
        isStretch: true,
        team: null,
        keyResults: [
          {
            key: 'internal-promotions',
            title: 'Fill 60% of lead roles by internal promotion',
            description: 'Share of lead and manager roles filled from inside.',
            horizon: 'multi-year',
            metric: { start: 20, target: 60, current: 33, unit: '%', decimals: 0 },
          },
          {
            key: 'leadership-programme',
            title: 'Run the programme for first-time managers',
            description: 'Six sessions, a mentor each and a project to lead.',
            horizon: 'year',
          },
        ],
      },
    ],
  },
];

export const checkInComments = {
  up: [
    'Good week: moving in the right direction.',
    'Ahead of plan after the last delivery.',
    'On track; the team found a faster way to do this.',
    'Momentum is building.',
    'Client feedback was strong this week.',
  ],
  flat: [
    'No change this week; waiting on the client.',
    'Holding steady.',
    'Slower than hoped: capacity went to urgent client work.',
    'Blocked on a decision; raised it with the leads.',
  ],
  work: [
    'First deliverables reviewed.',
    'Scope agreed with the team.',
    'Work is under way; next milestone in two weeks.',
    'Slipped a week because of client deadlines.',
    'Good progress on the build.',
  ],
} as const;

export type ProjectCategory = 'campaign' | 'digital' | 'brand' | 'content';

export interface ProjectType {
  name: string;
  description: string;
  category: ProjectCategory;
  /** Relative number of tasks. */
  size: number;
  /** Key results the project typically serves (keys from `strategy`). */
  keyResults: readonly string[];
  /** Phases in order; each step is "Skill|Task title". Tasks depend on tasks of earlier phases. */
  phases: readonly (readonly string[])[];
}

const campaignResults = ['awards-entries', 'kpi-reporting', 'top-client-revenue', 'on-time'];
const digitalResults = ['digital-share', 'product-engagements', 'on-time', 'top-client-revenue'];
const brandResults = ['nps', 'top-client-revenue', 'awards-shortlist'];
const contentResults = ['kpi-reporting', 'nps', 'top-client-revenue'];

export const clientProjectTypes: readonly ProjectType[] = [
  {
    name: 'Spring campaign',
    description: 'Integrated campaign across social, out-of-home and online video.',
    category: 'campaign',
    size: 1.1,
    keyResults: campaignResults,
    phases: [
      ['Brand strategy|Campaign brief and consumer insight', 'Data analysis|Audience and channel research'],
      [
        'Copywriting|Concept routes and headlines',
        'Visual design|Key visual exploration',
        'Illustration|Storyboard frames',
      ],
      [
        'Motion graphics|Hero film animation',
        'Video editing|Online video cut-downs',
        'Copywriting|Social and display copy',
        'Visual design|Out-of-home adaptations',
      ],
      ['Social media|Social launch calendar', 'Project management|Media handover and trafficking'],
      ['Data analysis|Results report and learnings'],
    ],
  },
  {
    name: 'Website redesign',
    description: 'Redesign and rebuild of the corporate website on a headless CMS.',
    category: 'digital',
    size: 1.3,
    keyResults: digitalResults,
    phases: [
      [
        'Project management|Kick-off and discovery workshop',
        'SEO|Content and search audit',
        'Data analysis|Analytics baseline',
      ],
      [
        'UX design|Sitemap and user flows',
        'UX design|Wireframes for key templates',
        'Copywriting|Messaging hierarchy',
      ],
      [
        'Visual design|Visual design of key templates',
        'Illustration|Spot illustrations',
        'Copywriting|Page copy',
      ],
      [
        'Front-end|Component library build',
        'Back-end|CMS content model and integration',
        'Front-end|Template build',
        'SEO|Redirect map and metadata',
      ],
      ['Project management|Acceptance testing and launch', 'Front-end|Accessibility fixes'],
    ],
  },
  {
    name: 'Brand refresh',
    description: 'A sharper positioning and an identity that works in every channel.',
    category: 'brand',
    size: 1,
    keyResults: brandResults,
    phases: [
      [
        'Brand strategy|Stakeholder interviews',
        'Brand strategy|Positioning workshop',
        'Data analysis|Competitor landscape',
      ],
      [
        'Visual design|Logo refinement',
        'Visual design|Colour and type system',
        'Copywriting|Tone of voice guide',
      ],
      ['Illustration|Illustration style', 'Motion graphics|Logo animation', 'Visual design|Brand guidelines'],
      ['Project management|Roll-out plan and asset handover'],
    ],
  },
  {
    name: 'Product launch film',
    description: 'A launch film with cut-downs for every channel.',
    category: 'campaign',
    size: 0.7,
    keyResults: campaignResults,
    phases: [
      ['Brand strategy|Launch narrative', 'Copywriting|Script'],
      ['Illustration|Storyboard', 'Motion graphics|Style frames'],
      [
        'Video editing|Edit and assembly',
        'Motion graphics|Animation and titles',
        'Video editing|Colour grade and sound mix',
      ],
      ['Social media|Cut-downs for social', 'Project management|Delivery of masters'],
    ],
  },
  {
    name: 'SEO content programme',
    description: 'Search-led content that brings qualified visitors every month.',
    category: 'content',
    size: 0.9,
    keyResults: contentResults,
    phases: [
      ['SEO|Keyword and topic research', 'Data analysis|Content performance baseline'],
      ['Copywriting|Editorial calendar', 'SEO|Content briefs'],
      [
        'Copywriting|Long-form articles',
        'Visual design|Article illustrations and charts',
        'Copywriting|Landing page copy',
      ],
      ['SEO|On-page optimisation', 'Data analysis|Monthly performance report'],
    ],
  },
  {
    name: 'Always-on social',
    description: 'Monthly social content and community management.',
    category: 'content',
    size: 0.9,
    keyResults: contentResults,
    phases: [
      ['Social media|Channel strategy', 'Data analysis|Audience insights'],
      ['Copywriting|Monthly content plan', 'Visual design|Social templates'],
      [
        'Social media|Community management',
        'Video editing|Short-form video edits',
        'Motion graphics|Animated posts',
        'Copywriting|Post copy',
      ],
      ['Data analysis|Monthly social report'],
    ],
  },
  {
    name: 'Checkout revamp',
    description: 'A faster, clearer checkout for the online shop.',
    category: 'digital',
    size: 1.2,
    keyResults: digitalResults,
    phases: [
      ['Data analysis|Funnel drop-off analysis', 'UX design|Usability test of the current checkout'],
      ['UX design|Checkout flow redesign', 'UX design|Prototype and test'],
      ['Visual design|Checkout interface design', 'Copywriting|Microcopy and error messages'],
      [
        'Front-end|Checkout front-end build',
        'Back-end|Payment provider integration',
        'Back-end|Order API changes',
      ],
      ['Data analysis|A/B test set-up and readout', 'Project management|Release coordination'],
    ],
  },
  {
    name: 'App UX audit',
    description: 'An expert and user review of the mobile app with a prioritised plan.',
    category: 'digital',
    size: 0.6,
    keyResults: digitalResults,
    phases: [
      ['Data analysis|Analytics review', 'UX design|Heuristic review'],
      ['UX design|User interviews', 'UX design|Journey map'],
      ['Visual design|Redesign concepts', 'Copywriting|Audit report'],
      ['Account management|Findings presentation'],
    ],
  },
  {
    name: 'Packaging design',
    description: 'New packaging for the core range.',
    category: 'brand',
    size: 0.8,
    keyResults: brandResults,
    phases: [
      ['Brand strategy|Shelf and category research'],
      ['Visual design|Packaging concepts', 'Illustration|Pack illustrations', 'Copywriting|On-pack copy'],
      ['Visual design|Artwork for all variants', 'Project management|Printer proofs and sign-off'],
    ],
  },
  {
    name: 'Employer brand campaign',
    description: 'A recruitment campaign built on what it is really like to work there.',
    category: 'brand',
    size: 1,
    keyResults: brandResults,
    phases: [
      ['Brand strategy|Employee value proposition', 'Data analysis|Employee survey analysis'],
      ['Copywriting|Campaign line and manifesto', 'Visual design|Campaign look and feel'],
      [
        'Video editing|Employee story films',
        'Copywriting|Careers site copy',
        'Front-end|Careers page build',
        'Social media|Recruitment ads',
      ],
      ['Project management|Launch and handover'],
    ],
  },
  {
    name: 'Annual report',
    description: 'The annual report in print and as an online microsite.',
    category: 'content',
    size: 0.8,
    keyResults: contentResults,
    phases: [
      ['Project management|Content plan with the client', 'Data analysis|Figures and chart data'],
      ['Copywriting|Report writing', 'Visual design|Report design system'],
      [
        'Visual design|Layout of all sections',
        'Illustration|Infographics',
        'Front-end|Online report microsite',
      ],
      ['Copywriting|Proofreading and corrections', 'Project management|Print and publish'],
    ],
  },
];

/** Internal projects (no client); the first three always exist, the rest appear in larger studios. */
export const internalProjectTypes: readonly ProjectType[] = [
  {
    name: 'Client results dashboard',
    description: 'A live dashboard of campaign results for every client.',
    category: 'digital',
    size: 0.8,
    keyResults: ['results-dashboard', 'kpi-reporting'],
    phases: [
      ['Data analysis|Define the KPI set with the strategists', 'UX design|Dashboard wireframes'],
      ['Back-end|Data connectors for ad platforms', 'Visual design|Dashboard visual design'],
      ['Front-end|Dashboard front-end', 'Back-end|Scheduled report e-mails'],
      ['Account management|Pilot with two clients'],
    ],
  },
  {
    name: 'Design-system starter kit',
    description: 'Tested components every product project starts from.',
    category: 'digital',
    size: 0.7,
    keyResults: ['design-system', 'product-engagements'],
    phases: [
      ['UX design|Inventory of past components'],
      ['Visual design|Tokens and foundations', 'UX design|Component specifications'],
      ['Front-end|Component library', 'Copywriting|Usage guidelines'],
      ['Project management|Roll-out to project teams'],
    ],
  },
  {
    name: 'Pitch deck and case studies',
    description: 'A new pitch deck and case studies that lead with results.',
    category: 'brand',
    size: 0.6,
    keyResults: ['pitch-refresh', 'new-clients-won'],
    phases: [
      ['Brand strategy|Positioning for the target sectors'],
      ['Copywriting|Case study write-ups', 'Visual design|Pitch deck template'],
      ['Video editing|Case study films', 'Front-end|Case studies on the studio website'],
    ],
  },
  {
    name: 'Award entries',
    description: 'This season’s award entries.',
    category: 'campaign',
    size: 0.5,
    keyResults: ['awards-entries', 'awards-shortlist'],
    phases: [
      ['Brand strategy|Choose the campaigns to enter'],
      ['Copywriting|Entry write-ups', 'Video editing|Case films'],
      ['Project management|Submit the entries'],
    ],
  },
  {
    name: 'Delivery playbook',
    description: 'What we learnt from late projects, written down so it does not happen again.',
    category: 'content',
    size: 0.5,
    keyResults: ['on-time', 'budget-overrun'],
    phases: [
      ['Project management|Retrospectives of late projects', 'Data analysis|Estimate versus actual analysis'],
      ['Copywriting|Playbook write-up', 'Project management|Estimation workshop'],
    ],
  },
  {
    name: 'Mentoring programme',
    description: 'Mentoring pairs across teams.',
    category: 'content',
    size: 0.4,
    keyResults: ['mentoring', 'growth-plans'],
    phases: [
      ['Project management|Mentor pairing', 'Copywriting|Mentoring guide'],
      ['Project management|Quarterly mentoring check-in'],
    ],
  },
];

/** Tasks attached straight to a key result (no project): "Skill|Title" by key-result key. */
export const goalTasks: readonly { keyResult: string; steps: readonly string[] }[] = [
  {
    keyResult: 'leadership-programme',
    steps: [
      'Project management|Outline the first-time managers programme',
      'Data analysis|Analyse pulse results by team',
      'Copywriting|Write the programme handbook',
      'Visual design|Design the programme materials',
      'Project management|Book facilitators and dates',
    ],
  },
  {
    keyResult: 'growth-plans',
    steps: [
      'Copywriting|Growth-plan template',
      'Data analysis|Map skill gaps from the skills matrix',
      'Project management|Growth-plan conversations with team leads',
    ],
  },
  {
    keyResult: 'proposals',
    steps: ['Account management|Qualify inbound leads', 'Copywriting|Proposal for the retail prospect'],
  },
];

export const timeEntryNotes = [
  'First draft',
  'Review round with the team',
  'Client feedback changes',
  'Final polish',
  'Research',
  'Pairing session',
  'Fixes after review',
] as const;
