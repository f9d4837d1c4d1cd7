"""The built-in example's names in Łacinka, as issue #3 lists them (lacinka.md §5, §8): gold for several tests."""

LACINKA_NAMES = [
    ("Лукашэнка", "Łukašenka"),
    ("Аляксандр", "Alaksandr"),
    ("Інтэграл", "Intehrał"),
    ("Планар", "Płanar"),
    ("Пеленг", "Pielenh"),
    ("Белшына", "Biełšyna"),
    ("Амкадор", "Amkador"),
    ("Кацалапаў", "Kacałapaŭ"),
    ("Сустрэча", "Sustreča"),
    ("Беларускі Гаюн", "Biełaruski Hajun"),
]
