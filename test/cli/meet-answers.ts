// An answers file for `circle meet --answers` on the example circle (meeting of 2026-11-17).
export const ANSWERS = {
  facilitator: 'Łucja Nowak',
  attendance: ['José Álvarez', 'Łucja Nowak', 'Amara Okafor', 'Thảo Nguyễn'],
  guests: ['Pat Visitor'],
  newcomers: ['Ana Souza'],
  introductions: { 'Ana Souza': { organization: 'Eastside Library', vision: 'Everyone in Eastside reads for pleasure.' } },
  reflect: {
    'José Álvarez': { tried: 'Met the Seniors\' Network about a transport rota ++ Sharing vans between organisations' },
    'Amara Okafor': { changed: 'Four clear Fridays out of four.' },
  },
  'reflect.requests': ['Recruiting board members'],
  'learning.notes': 'Dr Karim walked us through the early signs of burnout.',
  'learning.questions': ['How do we notice it in volunteers?'],
  next: {
    'José Álvarez': { will_practice: 'Take one Friday afternoon off.', wants_to_learn: 'Keeping volunteers' },
    'Ana Souza': { will_practice: 'Visit the food bank.' },
  },
  'next.topic': 'Sharing vans between organisations',
  'next.speaker': 'José Álvarez',
};
