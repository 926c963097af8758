INSERT INTO station (id, name) VALUES (1, 'Grill'), (2, 'Pastry'), (3, 'Cold kitchen');
