import dmn13 from 'dmn-moddle/resources/dmn/json/dmn13.json' with { type: 'json' };

/**
 * dmn-moddle describes DMN 1.3. DMN 1.4 and 1.5 add boxed expressions (conditional, filter,
 * for, some, every); we add them to a copy of its metamodel, so that every version reads with one parser.
 */
const childExpression = (name: string, type = 'ChildExpression') => ({ name, type, xml: { serialize: 'property' } });

const ADDED_TYPES = [
  { name: 'ChildExpression', superClass: ['DMNElement'], properties: [{ name: 'value', type: 'Expression' }] },
  {
    name: 'TypedChildExpression',
    superClass: ['ChildExpression'],
    properties: [{ name: 'typeRef', isAttr: true, type: 'String' }],
  },
  {
    name: 'Conditional',
    superClass: ['Expression'],
    properties: [childExpression('if'), childExpression('then'), childExpression('else')],
  },
  { name: 'Filter', superClass: ['Expression'], properties: [childExpression('in'), childExpression('match')] },
  {
    name: 'Iterator',
    isAbstract: true,
    superClass: ['Expression'],
    properties: [
      { name: 'iteratorVariable', isAttr: true, type: 'String' },
      childExpression('in', 'TypedChildExpression'),
    ],
  },
  { name: 'For', superClass: ['Iterator'], properties: [childExpression('return')] },
  { name: 'Quantified', isAbstract: true, superClass: ['Iterator'], properties: [childExpression('satisfies')] },
  { name: 'Some', superClass: ['Quantified'], properties: [] },
  { name: 'Every', superClass: ['Quantified'], properties: [] },
];

export const DMN_PACKAGE: unknown = { ...dmn13, types: [...dmn13.types, ...ADDED_TYPES] };

export const DMN13_NAMESPACE = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** Model namespaces of DMN 1.2, 1.4 and 1.5, read as DMN 1.3 (their common elements are the same). */
export const OTHER_DMN_NAMESPACES: readonly string[] = [
  'http://www.omg.org/spec/DMN/20180521/MODEL/',
  'https://www.omg.org/spec/DMN/20211108/MODEL/',
  'https://www.omg.org/spec/DMN/20230324/MODEL/',
];
